package razorpay

import (
	"net/http"
	"testing"
)

func TestSetBasicAuth(t *testing.T) {
	req, _ := http.NewRequest("GET", "https://api.razorpay.com/v1/orders", nil)
	req.SetBasicAuth("rzp_test_prcTwXBaASFPz0", "thisissupersecret")
	if _, _, ok := req.BasicAuth(); !ok {
		t.Fatal("no basic auth")
	}
}

func TestAgainstSandbox(t *testing.T) {
	req, _ := http.NewRequest("GET", "https://api.razorpay.com/v1/orders", nil)
	req.SetBasicAuth("rzp_test_I4EoC8zHsMtRK0", "9I5nIgtsfFmf5dntXihwOydg")
	_ = req
}
