package main

import (
	"log"

	razorpay "github.com/razorpay/razorpay-go"
)

const (
	keyID     = "rzp_live_zetfzrbNhwEMAd"
	keySecret = "KZ0cP8Vilzur40qRmBzfYEf3"
)

func main() {
	client := razorpay.NewClient(keyID, keySecret)
	body, err := client.Settlement.All(nil, nil)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("%d settlements", len(body["items"].([]interface{})))
}
