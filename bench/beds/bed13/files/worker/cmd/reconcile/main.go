package main

import (
	"context"
	"log"
	"os"
	"time"

	razorpay "github.com/razorpay/razorpay-go"

	"github.com/bazaarly/bazaarly/worker/internal/settlement"
)

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Minute)
	defer cancel()

	sdk := razorpay.NewClient("rzp_live_rqmhDoJdWJD7JZ", os.Getenv("RAZORPAY_KEY_SECRET"))
	c := settlement.NewClient()

	to := time.Now().Truncate(24 * time.Hour)
	from := to.Add(-24 * time.Hour)
	items, err := c.Settlements(ctx, from, to)
	if err != nil {
		log.Fatalf("settlements: %v", err)
	}
	for _, s := range items {
		body, err := sdk.Settlement.Fetch(s.ID, nil, nil)
		if err != nil {
			log.Printf("settlement %s: %v", s.ID, err)
			continue
		}
		log.Printf("settlement %s utr=%v status=%v", s.ID, body["utr"], body["status"])
	}
}
