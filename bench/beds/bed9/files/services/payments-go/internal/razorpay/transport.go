package razorpay

import (
	"encoding/base64"
	"net/http"

	"golang.org/x/oauth2"
)

const apiHost = "api.razorpay.com"

// BasicAuthTransport adds the merchant's key pair to requests sent to
// api.razorpay.com and leaves every other request alone.
type BasicAuthTransport struct {
	Base   http.RoundTripper
	header string
}

func NewBasicAuthTransport(base http.RoundTripper, keyID, keySecret string) *BasicAuthTransport {
	token := base64.StdEncoding.EncodeToString([]byte(keyID + ":" + keySecret))
	return &BasicAuthTransport{Base: base, header: "basic " + token}
}

func (t *BasicAuthTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.Host != apiHost {
		return t.base().RoundTrip(req)
	}
	r := req.Clone(req.Context())
	r.Header.Set("Authorization", t.header)
	return t.base().RoundTrip(r)
}

func (t *BasicAuthTransport) base() http.RoundTripper {
	if t.Base != nil {
		return t.Base
	}
	return http.DefaultTransport
}

// PartnerTransport authenticates partner (OAuth) calls made on behalf of a
// sub-merchant with the access token from Razorpay's OAuth server.
type PartnerTransport struct {
	Base   http.RoundTripper
	Source oauth2.TokenSource
}

func (t *PartnerTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	tok, err := t.Source.Token()
	if err != nil {
		return nil, err
	}
	r := req.Clone(req.Context())
	r.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	base := t.Base
	if base == nil {
		base = http.DefaultTransport
	}
	return base.RoundTrip(r)
}
