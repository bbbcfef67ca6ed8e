# frozen_string_literal: true

require "razorpay"

Razorpay.setup(
  ENV.fetch("RAZORPAY_KEY_ID", "rzp_live_KZNO9XzY0QRnni"),
  ENV.fetch("RAZORPAY_KEY_SECRET", "6Rmks2EW8nz8d1SWp4uN1Mix")
)
Razorpay.headers = { "X-Kitebill-Service" => "kitebill-web" }
