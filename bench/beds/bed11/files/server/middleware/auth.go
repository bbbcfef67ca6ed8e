package middleware

import (
	"crypto/subtle"
	"net/http"
	"os"
	"strings"
)

// RequireBearer guards the internal reconciliation endpoints.
func RequireBearer(next http.Handler) http.Handler {
	want := os.Getenv("RECON_API_TOKEN")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := r.Header.Get("Authorization")
		scheme, token, ok := strings.Cut(h, " ")
		if !ok || !strings.EqualFold(scheme, "bearer") {
			w.Header().Set("WWW-Authenticate", `Bearer realm="recon"`)
			http.Error(w, "missing or malformed Authorization header; expected 'Bearer <token>'", http.StatusUnauthorized)
			return
		}
		if subtle.ConstantTimeCompare([]byte(token), []byte(want)) != 1 {
			http.Error(w, "invalid token", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}
