# frozen_string_literal: true

require 'razorpay'

Razorpay.setup('rzp_live_Xw3Ld8Fk5Nq2Pj', ENV.fetch('RAZORPAY_KEY_SECRET'))
Razorpay.headers = { 'X-Razorpay-Account' => ENV['RAZORPAY_ACCOUNT_ID'] } if ENV['RAZORPAY_ACCOUNT_ID']
