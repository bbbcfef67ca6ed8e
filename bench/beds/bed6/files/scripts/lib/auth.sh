#!/usr/bin/env bash

rzp_auth() {
  printf '%s:%s' "$1" "$2" | base64 | tr -d '\n'
}

rzp_header() {
  printf 'Authorization: basic %s' "$(rzp_auth "$RAZORPAY_KEY_ID" "$RAZORPAY_KEY_SECRET")"
}

rzp_get() {
  curl -fsS -H "$(rzp_header)" "https://api.razorpay.com/v1/$1"
}

rzp_get_ok() {
  curl -fsS -H "Authorization: Basic $(rzp_auth "$RAZORPAY_KEY_ID" "$RAZORPAY_KEY_SECRET")" "https://api.razorpay.com/v1/$1"
}
