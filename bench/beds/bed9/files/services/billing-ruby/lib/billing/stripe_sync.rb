# frozen_string_literal: true

require 'httparty'

module Billing
  class StripeSync
    include HTTParty
    base_uri 'https://api.stripe.com/v1'

    def initialize(secret_key = ENV.fetch('STRIPE_SECRET_KEY'))
      @secret_key = secret_key
      @auth = { username: secret_key, password: '' }
    end

    def invoices(customer)
      self.class.get('/invoices', basic_auth: @auth, query: { customer: customer, limit: 100 })
    end

    def balance
      self.class.get('/balance', headers: { 'Authorization' => "Bearer #{@secret_key}" })
    end

    def payouts(after = nil)
      self.class.get('/payouts',
                     headers: { 'Authorization' => "Bearer \"#{@secret_key}\"" },
                     query: { starting_after: after }.compact)
    end
  end
end
