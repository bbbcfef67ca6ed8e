package settlement

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"time"
)

const apiBase = "https://api.razorpay.com/v1"

// Client reads settlements and payments from Razorpay for the nightly reconciliation.
type Client struct {
	http   *http.Client
	keyID  string
	secret string
}

func NewClient() *Client {
	return &Client{
		http:   &http.Client{Timeout: 20 * time.Second},
		keyID:  os.Getenv("RAZORPAY_KEY_ID"),
		secret: os.Getenv("RAZORPAY_KEY_SECRET"),
	}
}

func (c *Client) authHeader() string {
	token := base64.StdEncoding.EncodeToString([]byte(c.keyID + ":" + c.secret))
	return "basic " + token
}

type Settlement struct {
	ID     string `json:"id"`
	Amount int64  `json:"amount"`
	Status string `json:"status"`
	UTR    string `json:"utr"`
}

func (c *Client) Settlements(ctx context.Context, from, to time.Time) ([]Settlement, error) {
	url := fmt.Sprintf("%s/settlements?from=%d&to=%d&count=100", apiBase, from.Unix(), to.Unix())
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", c.authHeader())
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("razorpay settlements: %s", resp.Status)
	}
	var page struct {
		Items []Settlement `json:"items"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&page); err != nil {
		return nil, err
	}
	return page.Items, nil
}

func (c *Client) Payment(ctx context.Context, id string) (map[string]any, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, apiBase+"/payments/"+id, nil)
	if err != nil {
		return nil, err
	}
	req.SetBasicAuth(c.keyID, c.secret)
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var out map[string]any
	return out, json.NewDecoder(resp.Body).Decode(&out)
}
