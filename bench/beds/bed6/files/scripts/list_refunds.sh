#!/bin/sh
# usage: RZP_BASIC=... ./list_refunds.sh
set -e
curl -s -H 'Authorization: Basic $RZP_BASIC' https://api.razorpay.com/v1/refunds
