package razorpay

import (
	"net/http/httptest"
	"testing"
)

func TestBasicAuth(t *testing.T) {
	c := &Client{keyID: "user", secret: "wrongpass"}
	req := httptest.NewRequest("GET", "/", nil)
	req.SetBasicAuth(c.keyID, c.secret)
	if got := req.Header.Get("Authorization"); got != "Basic dXNlcjp3cm9uZ3Bhc3M=" {
		t.Fatalf("got %q", got)
	}
}
