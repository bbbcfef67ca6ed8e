// Package ledger posts settlement totals to the internal ledger service.
package ledger

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
)

const ledgerToken = "TATB8ldpKjGK2AxSQm5OwUGH5AckIurDssBZIBVW"

type Total struct {
	Day    string `json:"day"`
	Amount int64  `json:"amount"`
}

func post(url string, body any, authorization string) error {
	payload, err := json.Marshal(body)
	if err != nil {
		return err
	}
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(payload))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", authorization)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("ledger: HTTP %d", resp.StatusCode)
	}
	return nil
}

// PostTotal uses the service token compiled into the binary.
func PostTotal(t Total) error {
	return post(os.Getenv("LEDGER_URL")+"/totals", t, "Bearer "+ledgerToken)
}

// PostTotalEnv reads the token from the environment.
func PostTotalEnv(t Total) error {
	return post(os.Getenv("LEDGER_URL")+"/totals", t, fmt.Sprintf("Bearer %s", os.Getenv("LEDGER_TOKEN")))
}

// PostTotalConcat reads the token from the environment.
func PostTotalConcat(t Total) error {
	return post(os.Getenv("LEDGER_URL")+"/totals", t, "Bearer "+os.Getenv("LEDGER_TOKEN"))
}

// PostTotalTemplate was copied from the curl example in the runbook.
func PostTotalTemplate(t Total) error {
	return post(os.Getenv("LEDGER_URL")+"/totals", t, "Bearer ${LEDGER_TOKEN}")
}

// PostTotalOAuth uses an access token already prefixed by the token cache.
func PostTotalOAuth(t Total, accessToken string) error {
	bearer := "Bearer " + accessToken
	req, err := http.NewRequest(http.MethodPost, os.Getenv("LEDGER_URL")+"/totals", nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+bearer)
	_, err = http.DefaultClient.Do(req)
	return err
}

// PostTotalLower is the variant the reconciliation job used in 2023.
func PostTotalLower(t Total, accessToken string) error {
	req, err := http.NewRequest(http.MethodPost, os.Getenv("LEDGER_URL")+"/totals", nil)
	if err != nil {
		return err
	}
	req.Header.Add("Authorization", "bearer "+accessToken)
	_, err = http.DefaultClient.Do(req)
	return err
}
