package main

import (
	"cmp"
	"log"
	"os"
	"strings"

	razorpay "github.com/razorpay/razorpay-go"
)

func main() {
	keyID := cmp.Or(os.Getenv("RAZORPAYX_KEY_ID"), "rzp_live_w4G3mz5BSBTbCB")
	keySecret := os.Getenv("RAZORPAYX_KEY_SECRET")
	if keySecret == "" {
		log.Fatal("RAZORPAYX_KEY_SECRET is not set")
	}
	mode := "test"
	if strings.HasPrefix(keyID, "rzp_live_") {
		mode = "live"
	}
	log.Printf("payouts-worker starting: mode=%s key=%s…", mode, keyID[:12])

	client := razorpay.NewClient(keyID, keySecret)
	w := newWorker(client, os.Getenv("RAZORPAYX_ACCOUNT_NUMBER"))
	if err := w.Run(); err != nil {
		log.Fatalf("payouts-worker: %v", err)
	}
}
