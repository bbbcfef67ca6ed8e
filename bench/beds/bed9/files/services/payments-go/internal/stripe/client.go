package stripe

import (
	"os"

	"github.com/go-resty/resty/v2"
)

const apiBase = "https://api.stripe.com/v1"

// New returns a client authenticated the way Stripe's curl examples do it:
// the secret key as the user name and an empty password.
func New() *resty.Client {
	key := os.Getenv("STRIPE_SECRET_KEY")
	return resty.New().
		SetBaseURL(apiBase).
		SetBasicAuth(key, "").
		SetHeader("Stripe-Version", "2024-06-20")
}

// NewBearer is used by the webhook replayer.
func NewBearer() *resty.Client {
	return resty.New().
		SetBaseURL(apiBase).
		SetAuthToken(os.Getenv("STRIPE_SECRET_KEY"))
}

// NewConnect acts on behalf of a connected account.
func NewConnect(accountID string) *resty.Client {
	return resty.New().
		SetBaseURL(apiBase).
		SetHeader("Stripe-Account", accountID).
		SetHeader("Authorization", "Bearer "+os.Getenv("STRIPE_PLATFORM_SECRET_KEY"))
}
