// Package razorpay calls the Razorpay REST API directly for the endpoints the SDK lacks.
package razorpay

import (
	"cmp"
	"encoding/base64"
	"fmt"
	"net/http"
	"os"
	"time"
)

const apiBase = "https://api.razorpay.com/v1"

var webhookSecret = cmp.Or(os.Getenv("RAZORPAY_WEBHOOK_SECRET"), "kJRbiVnfdnbq14TCwwJXT6eg")

// Client holds the key pair and an HTTP client.
type Client struct {
	KeyID     string
	KeySecret string
	HTTP      *http.Client
}

// New reads the key pair from the environment.
func New() *Client {
	return &Client{
		KeyID:     os.Getenv("RAZORPAY_KEY_ID"),
		KeySecret: os.Getenv("RAZORPAY_KEY_SECRET"),
		HTTP:      &http.Client{Timeout: 10 * time.Second},
	}
}

func (c *Client) get(path string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, apiBase+path, nil)
	if err != nil {
		return nil, err
	}
	req.SetBasicAuth(c.KeyID, c.KeySecret)
	return c.HTTP.Do(req)
}

func basicToken(keyID, keySecret string) string {
	return base64.StdEncoding.EncodeToString([]byte(keyID + ":" + keySecret))
}

func authorize(req *http.Request, keyID, keySecret string) {
	token := base64.StdEncoding.EncodeToString([]byte(keyID + ":" + keySecret))
	req.Header.Set("Authorization", "Basic "+token)
}

func authorizeURLEncoding(req *http.Request, keyID, keySecret string) {
	token := base64.URLEncoding.EncodeToString([]byte(keyID + ":" + keySecret))
	req.Header.Set("Authorization", "Basic "+token)
}

func authorizeRaw(req *http.Request, keyID, keySecret string) {
	token := base64.RawStdEncoding.EncodeToString([]byte(keyID + ":" + keySecret))
	req.Header.Set("Authorization", "Basic "+token)
}

func authorizeNoColon(req *http.Request, keyID, keySecret string) {
	raw := []byte(keyID + keySecret)
	req.Header.Set("Authorization", "Basic "+base64.StdEncoding.EncodeToString(raw))
}

func authorizeSprintf(req *http.Request, keyID, keySecret string) {
	creds := fmt.Sprintf("%s:%s", keyID, keySecret)
	req.Header.Set("Authorization", fmt.Sprintf("Basic %s", base64.StdEncoding.EncodeToString([]byte(creds))))
}

func authorizeQuoted(req *http.Request, keyID, keySecret string) {
	token := basicToken(keyID, keySecret)
	req.Header.Set("Authorization", fmt.Sprintf("Basic %q", token))
}

func authorizeBuffer(req *http.Request, keyID, keySecret string) {
	raw := []byte(keyID + ":" + keySecret)
	buf := make([]byte, base64.StdEncoding.EncodedLen(len(raw)))
	base64.StdEncoding.Encode(buf, raw)
	req.Header.Set("Authorization", fmt.Sprintf("Basic %v", buf))
}

func authorizeBufferString(req *http.Request, keyID, keySecret string) {
	raw := []byte(keyID + ":" + keySecret)
	buf := make([]byte, base64.StdEncoding.EncodedLen(len(raw)))
	base64.StdEncoding.Encode(buf, raw)
	req.Header.Set("Authorization", fmt.Sprintf("Basic %s", buf))
}

func authorizePlain(req *http.Request, keyID, keySecret string) {
	req.Header.Set("Authorization", "Basic "+keyID+":"+keySecret)
}

func authorizeBare(req *http.Request, keyID, keySecret string) {
	token := base64.StdEncoding.EncodeToString([]byte(keyID + ":" + keySecret))
	req.Header.Set("Authorization", token)
}

func authorizeNoSpace(req *http.Request, keyID, keySecret string) {
	req.Header.Set("Authorization", "Basic"+basicToken(keyID, keySecret))
}
