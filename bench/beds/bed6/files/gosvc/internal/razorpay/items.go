package razorpay

import (
	"encoding/base64"
	"net/http"
	"os"
)

func ItemsRequest() (*http.Request, error) {
	req, err := http.NewRequest("GET", "https://api.razorpay.com/v1/items", nil)
	if err != nil {
		return nil, err
	}
	token := base64.StdEncoding.EncodeToString([]byte(os.Getenv("RAZORPAY_KEY_ID") + ":" + os.Getenv("RAZORPAY_KEY_SECRET")))
	req.Header.Add("Authorization", "Basic"+token)
	return req, nil
}

func PlansRequest() (*http.Request, error) {
	req, err := http.NewRequest("GET", "https://api.razorpay.com/v1/plans", nil)
	if err != nil {
		return nil, err
	}
	token := base64.RawStdEncoding.EncodeToString([]byte(os.Getenv("RAZORPAY_KEY_ID") + ":" + os.Getenv("RAZORPAY_KEY_SECRET")))
	req.Header.Add("Authorization", "Basic "+token)
	return req, nil
}
