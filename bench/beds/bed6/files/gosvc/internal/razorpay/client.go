package razorpay

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"os"
	"time"
)

const baseURL = "https://api.razorpay.com/v1"

type Client struct {
	http   *http.Client
	keyID  string
	secret string
}

func New() *Client {
	return &Client{
		http:   &http.Client{Timeout: 10 * time.Second},
		keyID:  os.Getenv("RAZORPAY_KEY_ID"),
		secret: os.Getenv("RAZORPAY_KEY_SECRET"),
	}
}

func (c *Client) get(path string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, baseURL+path, nil)
	if err != nil {
		return nil, err
	}
	req.SetBasicAuth(c.keyID, c.secret)
	return c.http.Do(req)
}

func (c *Client) post(path string) (*http.Request, error) {
	req, err := http.NewRequest(http.MethodPost, baseURL+path, nil)
	if err != nil {
		return nil, err
	}
	token := base64.StdEncoding.EncodeToString([]byte(c.keyID + c.secret))
	req.Header.Set("Authorization", fmt.Sprintf("Basic %s", token))
	return req, nil
}

func (c *Client) patch(path string) (*http.Request, error) {
	req, err := http.NewRequest(http.MethodPatch, baseURL+path, nil)
	if err != nil {
		return nil, err
	}
	token := base64.StdEncoding.EncodeToString([]byte(c.keyID + ":" + c.secret))
	req.Header.Set("Authorization", "Basic "+token)
	return req, nil
}
