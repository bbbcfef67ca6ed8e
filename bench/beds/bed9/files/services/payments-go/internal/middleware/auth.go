package middleware

import (
	"crypto/subtle"
	"encoding/base64"
	"log"
	"net/http"
	"strings"
)

// ServiceAuth protects the internal admin endpoints with per-service
// Basic credentials (user -> password, loaded from Vault).
func ServiceAuth(next http.Handler, users map[string]string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := r.Header.Get("Authorization")
		if h == "" {
			w.Header().Set("WWW-Authenticate", `Basic realm="payments-admin", charset="UTF-8"`)
			http.Error(w, "missing Authorization header", http.StatusUnauthorized)
			return
		}
		scheme, cred, ok := strings.Cut(h, " ")
		if !ok || !strings.EqualFold(scheme, "Basic") {
			http.Error(w, `expected "Authorization: Basic <credentials>"`, http.StatusUnauthorized)
			return
		}
		raw, err := base64.StdEncoding.DecodeString(cred)
		if err != nil {
			http.Error(w, "malformed Basic credentials", http.StatusUnauthorized)
			return
		}
		user, pass, ok := strings.Cut(string(raw), ":")
		want, known := users[user]
		if !ok || !known || subtle.ConstantTimeCompare([]byte(pass), []byte(want)) != 1 {
			log.Printf("admin auth failed user=%q authorization=%s", user, redact(h))
			http.Error(w, "invalid credentials", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func redact(h string) string {
	if i := strings.IndexByte(h, ' '); i > 0 {
		return h[:i] + " [REDACTED]"
	}
	return "[REDACTED]"
}
