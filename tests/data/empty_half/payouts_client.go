// Package payouts pays sellers out through RazorpayX and refunds card fees through Stripe.
package payouts

import (
	"context"
	"encoding/base64"
	"fmt"
	"net/http"
	"os"
)

const razorpayX = "https://api.razorpay.com/v1"

func PayoutStatus(ctx context.Context, id string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, razorpayX+"/payouts/"+id, nil)
	if err != nil {
		return nil, err
	}
	token := base64.StdEncoding.EncodeToString([]byte(os.Getenv("RZPX_KEY_ID") + ":"))
	req.Header.Set("Authorization", "Basic "+token)
	return http.DefaultClient.Do(req)
}

func RefundFee(ctx context.Context, charge string) (*http.Response, error) {
	url := fmt.Sprintf("https://api.stripe.com/v1/refunds?charge=%s", charge)
	req, err := http.NewRequest(http.MethodPost, url, nil)
	if err != nil {
		return nil, err
	}
	// Stripe's documented Basic form: the secret key as user-id, no password.
	token := base64.StdEncoding.EncodeToString([]byte(os.Getenv("STRIPE_SECRET_KEY") + ":"))
	req.Header.Set("Authorization", "Basic "+token)
	return http.DefaultClient.Do(req.WithContext(ctx))
}
