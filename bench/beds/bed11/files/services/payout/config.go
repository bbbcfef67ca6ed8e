package payout

import "os"

// Account used for RazorpayX payouts from the treasury service.
const PayoutKeyID = "rzp_live_Kx7Qm2Zp9Wd4Lr"

var AccountNumber = os.Getenv("RAZORPAYX_ACCOUNT_NUMBER")

func webhookSecret() string {
	return os.Getenv("RAZORPAY_WEBHOOK_SECRET")
}
