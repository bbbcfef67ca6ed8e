# frozen_string_literal: true

require 'base64'
require 'json'
require 'net/http'
require 'uri'

module Billing
  # Subscription billing against the Razorpay Subscriptions API.
  class RazorpayClient
    BASE = URI('https://api.razorpay.com/v1/')

    def initialize(key_id: ENV.fetch('RAZORPAY_KEY_ID'), key_secret: ENV.fetch('RAZORPAY_KEY_SECRET'))
      @key_id = key_id
      @key_secret = key_secret
    end

    def subscription(id)
      uri = URI.join(BASE, "subscriptions/#{id}")
      req = Net::HTTP::Get.new(uri)
      req.basic_auth(@key_id, @key_secret)
      perform(uri, req)
    end

    def create_plan(period:, interval:, item:)
      uri = URI.join(BASE, 'plans')
      req = Net::HTTP::Post.new(uri)
      req['Authorization'] = "Basic #{Base64.encode64("#{@key_id}:#{@key_secret}")}"
      req['Content-Type'] = 'application/json'
      req.body = { period: period, interval: interval, item: item }.to_json
      perform(uri, req)
    end

    def cancel(id, at_cycle_end: true)
      uri = URI.join(BASE, "subscriptions/#{id}/cancel")
      req = Net::HTTP::Post.new(uri)
      req['Authorization'] = "Basic #{Base64.strict_encode64("#{@key_id}:#{@key_secret}")}"
      req['Content-Type'] = 'application/json'
      req.body = { cancel_at_cycle_end: at_cycle_end ? 1 : 0 }.to_json
      perform(uri, req)
    end

    def invoices(subscription_id)
      uri = URI.join(BASE, "invoices?subscription_id=#{subscription_id}")
      req = Net::HTTP::Get.new(uri)
      req['Authorization'] = 'Basic ' + Base64.strict_encode64("#{@key_id}:#{@key_secret}")
      perform(uri, req)
    end

    private

    def perform(uri, req)
      res = Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |http| http.request(req) }
      raise Error, "razorpay #{res.code}: #{res.body}" unless res.is_a?(Net::HTTPSuccess)

      JSON.parse(res.body)
    end

    class Error < StandardError; end
  end
end
