# frozen_string_literal: true

require 'base64'
require 'faraday'

module Billing
  class RazorpayClient
    BASE_URL = 'https://api.razorpay.com/v1'

    def initialize(key_id: ENV.fetch('RAZORPAY_KEY_ID'), key_secret: ENV.fetch('RAZORPAY_KEY_SECRET'))
      @key_id = key_id
      @key_secret = key_secret
    end

    def connection
      @connection ||= Faraday.new(url: BASE_URL) do |f|
        f.request :authorization, :basic, @key_id, @key_secret
        f.request :json
        f.response :json
        f.response :raise_error
      end
    end

    def create_invoice(params)
      connection.post('invoices', params).body
    end

    # Subscriptions still go through the connection the old billing service used.
    def legacy_connection
      token = Base64.encode64("#{@key_id}:#{@key_secret}")
      Faraday.new(url: BASE_URL, headers: { 'Authorization' => "Basic #{token}" })
    end

    def fetch_subscription(id)
      legacy_connection.get("subscriptions/#{id}").body
    end

    def auth_header
      "Basic #{Base64.strict_encode64("#{@key_id}:#{@key_secret}")}"
    end
  end
end
