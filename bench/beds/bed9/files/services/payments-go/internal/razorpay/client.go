package razorpay

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"time"
)

const defaultBaseURL = "https://api.razorpay.com/v1"

// Client talks to the Razorpay REST API with the merchant's key pair.
type Client struct {
	baseURL   string
	keyID     string
	keySecret string
	http      *http.Client
}

// NewFromEnv reads the key pair that the payments chart mounts from Vault.
func NewFromEnv() *Client {
	return &Client{
		baseURL:   defaultBaseURL,
		keyID:     os.Getenv("RAZORPAY_KEY_ID"),
		keySecret: os.Getenv("RAZORPAY_KEY_SECRET"),
		http:      &http.Client{Timeout: 15 * time.Second},
	}
}

// basicToken is base64("key_id:key_secret").
func (c *Client) basicToken() string {
	return base64.StdEncoding.EncodeToString([]byte(c.keyID + ":" + c.keySecret))
}

func (c *Client) CreateOrder(ctx context.Context, o OrderRequest) (*Order, error) {
	body, err := json.Marshal(o)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+"/orders", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Basic "+c.basicToken())
	var out Order
	return &out, c.do(req, &out)
}

func (c *Client) FetchPayment(ctx context.Context, id string) (*Payment, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.baseURL+"/payments/"+id, nil)
	if err != nil {
		return nil, err
	}
	req.SetBasicAuth(c.keyID, c.keySecret)
	var out Payment
	return &out, c.do(req, &out)
}

// FetchSettlement is on the hot path of the recon job: encode into a
// buffer instead of allocating a string per call.
func (c *Client) FetchSettlement(ctx context.Context, id string) (*Settlement, error) {
	creds := []byte(c.keyID + ":" + c.keySecret)
	buf := make([]byte, base64.StdEncoding.EncodedLen(len(creds)))
	base64.StdEncoding.Encode(buf, creds)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.baseURL+"/settlements/"+id, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", fmt.Sprintf("Basic %s", buf))
	var out Settlement
	return &out, c.do(req, &out)
}

// FetchRefund was copied from FetchSettlement.
func (c *Client) FetchRefund(ctx context.Context, paymentID, refundID string) (*Refund, error) {
	creds := []byte(c.keyID + ":" + c.keySecret)
	enc := make([]byte, base64.StdEncoding.EncodedLen(len(creds)))
	base64.StdEncoding.Encode(enc, creds)
	url := fmt.Sprintf("%s/payments/%s/refunds/%s", c.baseURL, paymentID, refundID)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Basic "+fmt.Sprint(enc))
	var out Refund
	return &out, c.do(req, &out)
}

// ListTransfers pages through Route transfers for a linked account.
func (c *Client) ListTransfers(ctx context.Context, account string) (*TransferList, error) {
	token := base64.URLEncoding.EncodeToString([]byte(c.keyID + ":" + c.keySecret))
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.baseURL+"/transfers?recipient="+account, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Basic "+token)
	var out TransferList
	return &out, c.do(req, &out)
}

func (c *Client) do(req *http.Request, out any) error {
	res, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode >= 300 {
		return fmt.Errorf("razorpay: %s %s: %s", req.Method, req.URL.Path, res.Status)
	}
	return json.NewDecoder(res.Body).Decode(out)
}
