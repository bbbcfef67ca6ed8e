package webhook

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"io"
	"log/slog"
	"net/http"
	"os"
	"strings"
)

const bearerPrefix = "Bearer "

// RequireOps guards the internal ops endpoints: Basic for the ops console,
// Bearer for service-to-service calls.
func RequireOps(next http.Handler) http.Handler {
	opsUser, opsPass := os.Getenv("OPS_USER"), os.Getenv("OPS_PASSWORD")
	svcToken := os.Getenv("OPS_SERVICE_TOKEN")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := r.Header.Get("Authorization")
		switch {
		case strings.HasPrefix(h, bearerPrefix):
			tok := strings.TrimPrefix(h, bearerPrefix)
			if subtle.ConstantTimeCompare([]byte(tok), []byte(svcToken)) == 1 {
				next.ServeHTTP(w, r)
				return
			}
		case strings.HasPrefix(h, "Basic "):
			if u, p, ok := r.BasicAuth(); ok &&
				subtle.ConstantTimeCompare([]byte(u), []byte(opsUser)) == 1 &&
				subtle.ConstantTimeCompare([]byte(p), []byte(opsPass)) == 1 {
				next.ServeHTTP(w, r)
				return
			}
		}
		slog.Warn("ops auth failed", "path", r.URL.Path, "authorization", "Basic ***")
		w.Header().Set("WWW-Authenticate", `Basic realm="ops", charset="UTF-8"`)
		http.Error(w, "missing or invalid Authorization header", http.StatusUnauthorized)
	})
}

// Razorpay signs webhook bodies with HMAC-SHA256 of the webhook secret.
func ValidSignature(r *http.Request, secret string) ([]byte, bool) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, false
	}
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write(body)
	want := hex.EncodeToString(mac.Sum(nil))
	return body, hmac.Equal([]byte(want), []byte(r.Header.Get("X-Razorpay-Signature")))
}
