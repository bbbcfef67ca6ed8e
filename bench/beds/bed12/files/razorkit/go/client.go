// Package razorkit is a community client for the Razorpay REST API.
package razorkit

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"
)

const apiBase = "https://api.razorpay.com/v1"

// Client talks to the Razorpay API with a key pair or an OAuth access token.
type Client struct {
	keyID       string
	keySecret   string
	accessToken string
	http        *http.Client
}

// NewClient returns a client that authenticates with Basic auth.
func NewClient(keyID, keySecret string) *Client {
	return &Client{keyID: keyID, keySecret: keySecret, http: &http.Client{Timeout: 30 * time.Second}}
}

// NewOAuthClient returns a client that authenticates with a partner access token.
func NewOAuthClient(accessToken string) *Client {
	return &Client{accessToken: accessToken, http: &http.Client{Timeout: 30 * time.Second}}
}

func (c *Client) do(ctx context.Context, method, path string, body io.Reader, out any) error {
	req, err := http.NewRequestWithContext(ctx, method, apiBase+path, body)
	if err != nil {
		return err
	}
	if c.accessToken != "" {
		req.Header.Set("Authorization", "Bearer "+c.accessToken)
	} else {
		req.SetBasicAuth(c.keyID, c.keySecret)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 400 {
		b, _ := io.ReadAll(resp.Body)
		return fmt.Errorf("razorpay: %s: %s", resp.Status, b)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}
