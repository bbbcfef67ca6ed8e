# frozen_string_literal: true

require 'razorpay'

Razorpay.setup(ENV.fetch('RAZORPAY_KEY_ID'), ENV.fetch('RAZORPAY_KEY_SECRET'))
Razorpay.headers = { 'X-Razorpay-Track' => 'billing-ruby' }

if Rails.env.development? && ENV['RAZORPAY_USE_SHARED_KEY']
  # shared key of the payments team, so new joiners can run billing locally
  Razorpay.setup('rzp_live_RJUhhEH5k4KTQb', ENV.fetch('RAZORPAY_SHARED_KEY_SECRET'))
end
