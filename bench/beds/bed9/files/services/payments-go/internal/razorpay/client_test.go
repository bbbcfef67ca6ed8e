package razorpay

import (
	"context"
	"encoding/base64"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestCreateOrderSendsBasicAuth(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		want := "Basic " + base64.StdEncoding.EncodeToString([]byte("rzp_test_xxxxxxxxxxxxxx:test_secret"))
		if got := r.Header.Get("Authorization"); got != want {
			t.Errorf("Authorization = %q, want %q", got, want)
		}
		user, pass, ok := r.BasicAuth()
		if !ok || user != "rzp_test_xxxxxxxxxxxxxx" || pass != "test_secret" {
			t.Errorf("BasicAuth() = %q, %q, %v", user, pass, ok)
		}
		w.Write([]byte(`{"id":"order_test_1"}`))
	}))
	defer srv.Close()

	c := &Client{baseURL: srv.URL, keyID: "rzp_test_xxxxxxxxxxxxxx", keySecret: "test_secret", http: srv.Client()}
	if _, err := c.CreateOrder(context.Background(), OrderRequest{Amount: 100, Currency: "INR"}); err != nil {
		t.Fatal(err)
	}
}

func TestRFC7617Example(t *testing.T) {
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	req.Header.Set("Authorization", "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==")
	if u, p, _ := req.BasicAuth(); u != "Aladdin" || p != "open sesame" {
		t.Fatalf("got %q %q", u, p)
	}
}
