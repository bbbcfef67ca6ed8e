require 'base64'
require 'json'
require 'net/http'

module Payments
  class RazorpayRefunds
    BASE = URI('https://api.razorpay.com/v1/')

    def initialize(key_id: ENV.fetch('RAZORPAY_KEY_ID'), key_secret: ENV.fetch('RAZORPAY_KEY_SECRET'))
      @key_id = key_id
      @key_secret = key_secret
    end

    def create(payment_id, amount)
      uri = URI.join(BASE, "payments/#{payment_id}/refund")
      req = Net::HTTP::Post.new(uri, 'Content-Type' => 'application/json')
      req.basic_auth(@key_id, @key_secret)
      req.body = { amount: amount }.to_json
      Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |http| http.request(req) }
    end

    def fetch(refund_id)
      uri = URI.join(BASE, "refunds/#{refund_id}")
      req = Net::HTTP::Get.new(uri)
      token = Base64.encode64("#{@key_id}:#{@key_secret}")
      req['Authorization'] = "Basic #{token}"
      Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |http| http.request(req) }
    end

    def list
      uri = URI.join(BASE, 'refunds')
      req = Net::HTTP::Get.new(uri)
      req['Authorization'] = "Basic #{Base64.strict_encode64("#{@key_id}:#{@key_secret}")}"
      Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |http| http.request(req) }
    end
  end
end
