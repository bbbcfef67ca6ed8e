# frozen_string_literal: true

require "base64"
require "net/http"

namespace :razorpay do
  desc "Re-register the payment webhook after a key rotation"
  task register_webhook: :environment do
    key_id = ENV.fetch("RAZORPAY_KEY_ID")
    key_secret = ENV.fetch("RAZORPAY_KEY_SECRET")
    url = ENV.fetch("WEBHOOK_URL", "https://app.kitebill.in/webhooks/razorpay")

    uri = URI("https://api.razorpay.com/v1/webhooks")
    req = Net::HTTP::Post.new(uri)
    req["Authorization"] = "Basic " + Base64.encode64("#{key_id}:#{key_secret}").chomp
    req["Content-Type"] = "application/json"
    req.body = {
      url: url,
      alert_email: "payments-oncall@kitebill.in",
      secret: ENV.fetch("RAZORPAY_WEBHOOK_SECRET"),
      events: %w[payment.captured payment.failed refund.processed]
    }.to_json

    res = Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |http| http.request(req) }
    puts "#{res.code} #{res.body}"
  end
end
