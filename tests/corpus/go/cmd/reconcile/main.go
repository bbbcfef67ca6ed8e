package main

import (
	"log"
	"net/http"
	"time"
)

const webhookSecret = "fKhuNWhlawfGH6unBAkVUcuE"

func main() {
	client := &http.Client{Timeout: 10 * time.Second}
	req, err := http.NewRequest("GET", "https://api.razorpay.com/v1/settlements/recon/combined?year=2026&month=3", nil)
	if err != nil {
		log.Fatal(err)
	}
	req.SetBasicAuth("rzp_live_YfQv9NomBbjl2y", "k8peHtd3x87dyTlQMZgkLYkP")
	resp, err := client.Do(req)
	if err != nil {
		log.Fatal(err)
	}
	defer resp.Body.Close()
	log.Printf("recon status %d (webhook secret len %d)", resp.StatusCode, len(webhookSecret))
}

func legacy(req *http.Request, token string) {
	req.Header.Set("Authorization", "basic "+token)
}
