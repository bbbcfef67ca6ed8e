package rzp

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestBasicAuthSent(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		user, pass, ok := r.BasicAuth()
		if !ok || user != "test" || pass != "test" {
			t.Errorf("unexpected credentials %q %q", user, pass)
		}
		if got := r.Header.Get("Authorization"); got != "Basic dGVzdDp0ZXN0" {
			t.Errorf("Authorization = %q", got)
		}
		w.Write([]byte(`{"items":[]}`))
	}))
	defer srv.Close()

	c := NewClient("test", "test")
	c.baseURL = srv.URL
	var out map[string]any
	if err := c.do(context.Background(), http.MethodGet, "/payments", nil, &out); err != nil {
		t.Fatal(err)
	}
}
