package razorkit

import (
	"bytes"
	"io"
	"net/http"
	"os"
)

// WebhookForwarder verifies Razorpay webhooks and relays them to an internal endpoint
// (FORWARD_URL), authenticating with a static bearer token.
type WebhookForwarder struct {
	Secret string
	Target string
}

func NewWebhookForwarder() *WebhookForwarder {
	return &WebhookForwarder{Secret: os.Getenv("RAZORPAY_WEBHOOK_SECRET"), Target: os.Getenv("FORWARD_URL")}
}

func (f *WebhookForwarder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, "bad body", http.StatusBadRequest)
		return
	}
	if !VerifyWebhook(body, r.Header.Get("X-Razorpay-Signature"), f.Secret) {
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	req, err := http.NewRequestWithContext(r.Context(), http.MethodPost, f.Target, bytes.NewReader(body))
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	req.Header.Set("Authorization", "Bearer ${FORWARD_TOKEN}")
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	resp.Body.Close()
	w.WriteHeader(http.StatusNoContent)
}
