package settlement

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestPaymentSendsBasicAuth(t *testing.T) {
	var got string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r.Header.Get("Authorization")
		w.Write([]byte(`{"id":"pay_1"}`))
	}))
	defer srv.Close()

	c := &Client{http: srv.Client(), keyID: "user", secret: "pass"}
	req, _ := http.NewRequestWithContext(context.Background(), http.MethodGet, srv.URL, nil)
	req.SetBasicAuth(c.keyID, c.secret)
	if _, err := c.http.Do(req); err != nil {
		t.Fatal(err)
	}
	if got != "Basic dXNlcjpwYXNz" {
		t.Fatalf("Authorization = %q", got)
	}
}
