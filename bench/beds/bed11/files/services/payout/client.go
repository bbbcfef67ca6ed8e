package payout

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"os"
	"strings"
)

const baseURL = "https://api.razorpay.com/v1"

type Client struct {
	http   *http.Client
	keyID  string
	secret string
}

func New() *Client {
	return &Client{http: http.DefaultClient, keyID: os.Getenv("RAZORPAY_KEY_ID"), secret: os.Getenv("RAZORPAY_KEY_SECRET")}
}

func (c *Client) basicToken() string {
	return "Basic " + base64.StdEncoding.EncodeToString([]byte(c.keyID+":"+c.secret))
}

func (c *Client) CreatePayout(body string) (*http.Response, error) {
	req, err := http.NewRequest("POST", baseURL+"/payouts", strings.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.SetBasicAuth(c.keyID, c.secret)
	req.Header.Set("Content-Type", "application/json")
	return c.http.Do(req)
}

func (c *Client) FetchPayout(id string) (*http.Response, error) {
	req, err := http.NewRequest("GET", fmt.Sprintf("%s/payouts/%s", baseURL, id), nil)
	if err != nil {
		return nil, err
	}
	auth := c.basicToken()
	req.Header.Set("Authorization", "Basic "+auth)
	return c.http.Do(req)
}

func (c *Client) FetchContact(id string) (*http.Response, error) {
	req, err := http.NewRequest("GET", baseURL+"/contacts/"+id, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", c.basicToken())
	return c.http.Do(req)
}
