# frozen_string_literal: true

require 'json'
require 'net/http'

module Billing
  class PayoutStatusPoller
    API = URI('https://api.razorpay.com/v1/')

    def initialize(key_id = ENV['RAZORPAYX_KEY_ID'], key_secret = ENV['RAZORPAYX_KEY_SECRET'])
      @key_id = key_id
      @key_secret = key_secret
      @creds = "#{key_id}:#{key_secret}"
    end

    def fetch(payout_id)
      uri = API + "payouts/#{payout_id}"
      req = Net::HTTP::Get.new(uri)
      req.basic_auth(@key_id, @key_secret)
      request(uri, req)
    end

    def list(params = {})
      uri = API + 'payouts'
      uri.query = URI.encode_www_form(params)
      req = Net::HTTP::Get.new(uri)
      req['Authorization'] = "Basic #{[@creds].pack('m0')}"
      request(uri, req)
    end

    private

    def request(uri, req)
      Net::HTTP.start(uri.host, uri.port, use_ssl: true) do |http|
        res = http.request(req)
        Rails.logger.info("razorpayx #{req.method} #{uri.path} -> #{res.code}")
        JSON.parse(res.body)
      end
    end
  end
end
