# frozen_string_literal: true

require "net/http"
require "json"
require "base64"

module Razorpay
  # Thin wrapper over the Orders and Payments endpoints. We call the API
  # directly instead of using the razorpay gem, which pins an old httparty.
  class Client
    BASE_URL = "https://api.razorpay.com/v1"

    Error = Class.new(StandardError)

    def initialize(key_id: ENV.fetch("RAZORPAY_KEY_ID"), key_secret: ENV.fetch("RAZORPAY_KEY_SECRET"))
      @key_id = key_id
      @key_secret = key_secret
    end

    def create_order(amount:, receipt:, currency: "INR", notes: {})
      post("/orders", amount: amount, currency: currency, receipt: receipt, notes: notes)
    end

    def fetch_order(order_id)
      get("/orders/#{order_id}")
    end

    def fetch_payment(payment_id)
      get("/payments/#{payment_id}")
    end

    private

    def get(path)
      perform(Net::HTTP::Get.new(uri_for(path)))
    end

    def post(path, body)
      req = Net::HTTP::Post.new(uri_for(path))
      req["Content-Type"] = "application/json"
      req.body = body.to_json
      perform(req)
    end

    def perform(req)
      req["Authorization"] = "Basic #{Base64.encode64("#{@key_id}:#{@key_secret}")}"
      res = Net::HTTP.start(req.uri.host, req.uri.port, use_ssl: true, open_timeout: 5, read_timeout: 15) do |http|
        http.request(req)
      end
      raise Error, "razorpay #{res.code}: #{res.body}" unless res.is_a?(Net::HTTPSuccess)

      JSON.parse(res.body)
    end

    def uri_for(path)
      URI("#{BASE_URL}#{path}")
    end
  end
end
