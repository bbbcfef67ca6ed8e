package razorkit

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
)

// RazorpayX payouts live on the same host but need the X-Payout-Idempotency header, so they
// do not go through Client.do.

type Payout struct {
	AccountNumber string `json:"account_number"`
	FundAccountID string `json:"fund_account_id"`
	Amount        int64  `json:"amount"`
	Currency      string `json:"currency"`
	Mode          string `json:"mode"`
	Purpose       string `json:"purpose"`
}

func (c *Client) CreatePayout(ctx context.Context, p Payout, idempotencyKey string) (map[string]any, error) {
	body, err := json.Marshal(p)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, apiBase+"/payouts", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	token := base64.StdEncoding.EncodeToString([]byte(c.keyID + c.keySecret))
	req.Header.Set("Authorization", "Basic "+token)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Payout-Idempotency", idempotencyKey)
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 400 {
		return nil, fmt.Errorf("razorpayx: %s", resp.Status)
	}
	var out map[string]any
	return out, json.NewDecoder(resp.Body).Decode(&out)
}
