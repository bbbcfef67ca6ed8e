package notify

import (
	"net/http"
	"net/url"
	"os"
	"strings"
)

// SendSMS sends an order update through Twilio's Messages API.
func SendSMS(to, body string) error {
	sid := os.Getenv("TWILIO_ACCOUNT_SID")
	form := url.Values{"To": {to}, "From": {os.Getenv("TWILIO_FROM")}, "Body": {body}}
	endpoint := "https://api.twilio.com/2010-04-01/Accounts/" + sid + "/Messages.json"
	req, err := http.NewRequest(http.MethodPost, endpoint, strings.NewReader(form.Encode()))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(sid, os.Getenv("TWILIO_AUTH_TOKEN"))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
