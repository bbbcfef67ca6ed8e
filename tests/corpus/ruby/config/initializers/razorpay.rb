# frozen_string_literal: true

require 'razorpay'

Razorpay.setup(ENV.fetch('RAZORPAY_KEY_ID'), ENV.fetch('RAZORPAY_KEY_SECRET'))
Razorpay.headers = { 'X-Razorpay-Account' => ENV['RAZORPAY_ACCOUNT_ID'] }.compact
