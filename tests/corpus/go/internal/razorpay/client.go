package razorpay

import (
	"encoding/base64"
	"net/http"
	"os"
	"strings"
)

const apiBase = "https://api.razorpay.com/v1"

// NewRequest builds an authenticated request to the Razorpay API.
func NewRequest(method, path, body string) (*http.Request, error) {
	req, err := http.NewRequest(method, apiBase+path, strings.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.SetBasicAuth(os.Getenv("RAZORPAY_KEY_ID"), os.Getenv("RAZORPAY_KEY_SECRET"))
	req.Header.Set("Content-Type", "application/json")
	return req, nil
}

// BasicHeader is used by the batch uploader, which signs requests itself.
func BasicHeader(id, secret string) string {
	return "Basic " + base64.StdEncoding.EncodeToString([]byte(id+":"+secret))
}
