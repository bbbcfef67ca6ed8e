package razorkit

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestBasicAuthIsSent(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		user, pass, ok := r.BasicAuth()
		if !ok || user != "user" || pass != "wrongpass" {
			t.Errorf("BasicAuth() = %q, %q, %v", user, pass, ok)
		}
		if got := r.Header.Get("Authorization"); got != "Basic dXNlcjp3cm9uZ3Bhc3M=" {
			t.Errorf("Authorization = %q", got)
		}
		w.Write([]byte(`{}`))
	}))
	defer srv.Close()
	c := NewClient("user", "wrongpass")
	c.http = srv.Client()
	var out map[string]any
	_ = c.do(context.Background(), http.MethodGet, "/orders", nil, &out)
}
