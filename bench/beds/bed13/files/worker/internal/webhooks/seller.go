package webhooks

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"text/template"
)

// Sellers configure their own webhook endpoint and the auth header we send to it. The header is
// a template so they can reference the per-seller token we store for them.
type SellerHook struct {
	URL         string
	AuthHeader  string // e.g. "Bearer {{.Token}}"
	Token       string
}

const defaultAuthHeader = "Bearer {{.Token}}"

func (h SellerHook) render() (string, error) {
	text := h.AuthHeader
	if text == "" {
		text = defaultAuthHeader
	}
	tmpl, err := template.New("auth").Parse(text)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	if err := tmpl.Execute(&b, h); err != nil {
		return "", err
	}
	return b.String(), nil
}

func (h SellerHook) Deliver(event any) error {
	body, err := json.Marshal(event)
	if err != nil {
		return err
	}
	auth, err := h.render()
	if err != nil {
		return err
	}
	req, err := http.NewRequest(http.MethodPost, h.URL, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", auth)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
