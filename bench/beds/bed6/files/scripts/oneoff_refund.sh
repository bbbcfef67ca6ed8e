#!/bin/bash
# refund for ticket OPS-4471 (prod)
curl -u rzp_live_371FlDHi6YTeTx:rVHZJyAWoS5XguvtStr8bTfz \
  -X POST https://api.razorpay.com/v1/payments/pay_Nx81ab2QqZ1Lx0/refund \
  -H "Content-Type: application/json" \
  -d '{"amount": 49900}'
