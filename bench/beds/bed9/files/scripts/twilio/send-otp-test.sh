#!/bin/sh
# Sends a test OTP through Twilio from the staging account.
set -eu

SID="${TWILIO_ACCOUNT_SID:?}"
TOKEN="${TWILIO_AUTH_TOKEN:?}"
TO="${1:?usage: send-otp-test.sh +91XXXXXXXXXX}"

BASIC=$(printf '%s:%s' "$SID" "$TOKEN" | base64)

curl -sS "https://api.twilio.com/2010-04-01/Accounts/$SID/Messages.json" \
  -H "Authorization: Basic $BASIC" \
  --data-urlencode "To=$TO" \
  --data-urlencode "From=$TWILIO_FROM_NUMBER" \
  --data-urlencode "Body=Your Acme Pay test code is 424242"

# Lookup takes the same pair
curl -sS "https://lookups.twilio.com/v2/PhoneNumbers/$TO" -u "$SID:$TOKEN"

# openssl variant used on the macOS runners
B64=$(printf '%s:%s' "$SID" "$TOKEN" | openssl base64 -A)
curl -sS "https://api.twilio.com/2010-04-01/Accounts/$SID.json" -H "Authorization: Basic $B64"
