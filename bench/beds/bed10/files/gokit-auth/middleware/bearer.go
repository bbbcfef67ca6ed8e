package middleware

import (
	"context"
	"net/http"
	"strings"
)

type ctxKey struct{}

// Validator checks a bearer token and returns the subject.
type Validator func(ctx context.Context, token string) (string, error)

func Bearer(validate Validator) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			h := r.Header.Get("Authorization")
			const prefix = "Bearer "
			if len(h) < len(prefix) || !strings.EqualFold(h[:len(prefix)], prefix) {
				w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
				http.Error(w, "missing bearer token", http.StatusUnauthorized)
				return
			}
			sub, err := validate(r.Context(), h[len(prefix):])
			if err != nil {
				w.Header().Set("WWW-Authenticate", `Bearer realm="api", error="invalid_token"`)
				http.Error(w, "invalid token", http.StatusUnauthorized)
				return
			}
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, sub)))
		})
	}
}
