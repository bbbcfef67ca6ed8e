#!/usr/bin/env bash
# Builds the Razorpay header once; sourced by the ops scripts.
RZP_TOKEN=$(printf '%s:%s' "$RAZORPAY_KEY_ID" "$RAZORPAY_KEY_SECRET" | base64 -w0)
RZP_HEADER=$(printf 'Authorization: Basic %s' "$RZP_TOKEN")
export RZP_HEADER

rzp_curl() {
  curl -fsS -H "$RZP_HEADER" "https://api.razorpay.com/v1/$1"
}
