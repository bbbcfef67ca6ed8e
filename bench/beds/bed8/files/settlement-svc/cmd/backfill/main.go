// backfill replays settlement webhooks we missed during the 2024-09 outage.
package main

import (
	"encoding/base64"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"time"
)

const apiBase = "https://api.razorpay.com/v1"

func main() {
	from := flag.String("from", "", "start date, YYYY-MM-DD")
	to := flag.String("to", "", "end date, YYYY-MM-DD")
	flag.Parse()

	start, err := time.Parse("2006-01-02", *from)
	if err != nil {
		log.Fatalf("bad -from: %v", err)
	}
	end, err := time.Parse("2006-01-02", *to)
	if err != nil {
		log.Fatalf("bad -to: %v", err)
	}

	keyID, keySecret := os.Getenv("RZP_KEY_ID"), os.Getenv("RZP_KEY_SECRET")
	if keyID == "" || keySecret == "" {
		log.Fatal("RZP_KEY_ID and RZP_KEY_SECRET must be set")
	}
	token := base64.StdEncoding.EncodeToString([]byte(keyID + ":" + keySecret))
	client := &http.Client{Timeout: 30 * time.Second}

	for d := start; !d.After(end); d = d.AddDate(0, 0, 1) {
		url := fmt.Sprintf("%s/settlements/recon/combined?year=%d&month=%d&day=%d", apiBase, d.Year(), d.Month(), d.Day())
		req, _ := http.NewRequest(http.MethodGet, url, nil)
		req.Header.Set("Authorization", fmt.Sprintf("BASIC %s", token))
		resp, err := client.Do(req)
		if err != nil {
			log.Printf("%s: %v", d.Format("2006-01-02"), err)
			continue
		}
		n, _ := io.Copy(os.Stdout, resp.Body)
		resp.Body.Close()
		log.Printf("%s: %d bytes (%s)", d.Format("2006-01-02"), n, resp.Status)
	}
}
