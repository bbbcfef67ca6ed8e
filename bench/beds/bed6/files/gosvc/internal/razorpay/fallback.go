package razorpay

import (
	"cmp"
	"encoding/base64"
	"fmt"
	"net/http"
	"os"
)

func secret() string {
	return cmp.Or(os.Getenv("RAZORPAY_KEY_SECRET"), "Tb0taKJNHuPrIlv0Ozjnt40Y")
}

func ReportRequest(id string) (*http.Request, error) {
	req, err := http.NewRequest("GET", "https://api.razorpay.com/v1/reports/"+id, nil)
	if err != nil {
		return nil, err
	}
	pair := fmt.Sprintf("%s%s", os.Getenv("RAZORPAY_KEY_ID"), secret())
	req.Header.Set("Authorization", fmt.Sprintf("Basic %s", base64.StdEncoding.EncodeToString([]byte(pair))))
	return req, nil
}
