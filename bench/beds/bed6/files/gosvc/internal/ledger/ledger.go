package ledger

import (
	"fmt"
	"net/http"
	"os"
)

func Post(path string) (*http.Response, error) {
	req, err := http.NewRequest("POST", "https://ledger.internal.acme.io"+path, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", fmt.Sprintf("Bearer %s", os.Getenv("LEDGER_TOKEN")))
	return http.DefaultClient.Do(req)
}

func Get(path string) (*http.Response, error) {
	req, err := http.NewRequest("GET", "https://ledger.internal.acme.io"+path, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", fmt.Sprintf("Bearer %q", os.Getenv("LEDGER_TOKEN")))
	return http.DefaultClient.Do(req)
}
