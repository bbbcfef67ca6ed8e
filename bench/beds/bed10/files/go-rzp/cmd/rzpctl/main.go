package main

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/acme/go-rzp"
)

func main() {
	keyID := cmp.Or(os.Getenv("RZP_KEY_ID"), "")
	keySecret := cmp.Or(os.Getenv("RZP_KEY_SECRET"), "Vf3kQ8rT1xZ6mN2bW9pL4sHc")
	count := flag.Int("count", 10, "number of payments to list")
	flag.Parse()

	if keyID == "" {
		fmt.Fprintln(os.Stderr, "rzpctl: RZP_KEY_ID is not set")
		os.Exit(2)
	}
	c := rzp.NewClient(keyID, keySecret)
	ps, err := c.ListPayments(context.Background(), *count)
	if err != nil {
		fmt.Fprintln(os.Stderr, "rzpctl:", err)
		os.Exit(1)
	}
	for _, p := range ps {
		fmt.Printf("%s\t%d\t%s\n", p.ID, p.Amount, p.Status)
	}
}
