// Package rzp is a minimal Razorpay client for the settlement service.
package rzp

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"time"
)

const baseURL = "https://api.razorpay.com/v1"

type Client struct {
	keyID     string
	keySecret string
	http      *http.Client
}

func NewFromEnv() *Client {
	return &Client{
		keyID:     os.Getenv("RAZORPAY_KEY_ID"),
		keySecret: os.Getenv("RAZORPAY_KEY_SECRET"),
		http:      &http.Client{Timeout: 15 * time.Second},
	}
}

func (c *Client) do(ctx context.Context, req *http.Request, out any) error {
	req = req.WithContext(ctx)
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("razorpay %s: %s", req.URL.Path, resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

// Settlement fetches one settlement; SetBasicAuth encodes id:secret for us.
func (c *Client) Settlement(ctx context.Context, id string) (map[string]any, error) {
	req, err := http.NewRequest(http.MethodGet, baseURL+"/settlements/"+id, nil)
	if err != nil {
		return nil, err
	}
	req.SetBasicAuth(c.keyID, c.keySecret)
	var out map[string]any
	return out, c.do(ctx, req, &out)
}

func (c *Client) authorization() string {
	return "Basic " + base64.StdEncoding.EncodeToString([]byte(c.keyID+":"+c.keySecret))
}

// Transfers lists Route transfers for a payment.
func (c *Client) Transfers(ctx context.Context, paymentID string) (map[string]any, error) {
	req, err := http.NewRequest(http.MethodGet, baseURL+"/payments/"+paymentID+"/transfers", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", c.authorization())
	var out map[string]any
	return out, c.do(ctx, req, &out)
}

// Reversals uses a token cached by the caller.
func (c *Client) Reversals(ctx context.Context, transferID string) (map[string]any, error) {
	token := base64.URLEncoding.EncodeToString([]byte(c.keyID + ":" + c.keySecret))
	req, err := http.NewRequest(http.MethodGet, baseURL+"/transfers/"+transferID+"/reversals", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Basic "+token)
	var out map[string]any
	return out, c.do(ctx, req, &out)
}

// Balance is readable with the key id alone (no secret needed for read-only endpoints).
func (c *Client) Balance(ctx context.Context) (map[string]any, error) {
	req, err := http.NewRequest(http.MethodGet, baseURL+"/balance", nil)
	if err != nil {
		return nil, err
	}
	cred := base64.StdEncoding.EncodeToString([]byte(c.keyID + ":"))
	req.Header.Add("Authorization", "Basic "+cred)
	var out map[string]any
	return out, c.do(ctx, req, &out)
}
