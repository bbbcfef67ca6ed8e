package bank

import (
	"encoding/base64"
	"net/http"
	"os"
)

type Bank struct {
	auth string
}

func NewBank() *Bank {
	raw := os.Getenv("BANK_USER") + ":" + os.Getenv("BANK_PASS")
	return &Bank{auth: "Basic " + base64.URLEncoding.EncodeToString([]byte(raw))}
}

func (b *Bank) Do(req *http.Request) (*http.Response, error) {
	req.Header.Set("Authorization", b.auth)
	return http.DefaultClient.Do(req)
}
