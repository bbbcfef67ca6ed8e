# frozen_string_literal: true

require "faraday"
require "base64"

module Payouts
  # Client for our sponsor bank's payouts API (OAuth2 client credentials).
  class BankTransferClient
    TOKEN_URL = "https://api.lendpartner.in/oauth2/token"
    API_URL = "https://api.lendpartner.in/payouts/v3"

    def initialize(client_id: ENV.fetch("BANK_CLIENT_ID"), client_secret: ENV.fetch("BANK_CLIENT_SECRET"))
      @client_id = client_id
      @client_secret = client_secret
    end

    def transfer(beneficiary:, amount_paise:, reference:)
      connection.post("transfers") do |req|
        req.headers["Idempotency-Key"] = reference
        req.body = { beneficiary_id: beneficiary, amount: amount_paise, mode: "IMPS", reference: reference }.to_json
      end
    end

    private

    def connection
      @connection ||= Faraday.new(url: API_URL) do |f|
        f.headers["Authorization"] = "Bearer #{access_token}"
        f.headers["Content-Type"] = "application/json"
        f.response :raise_error
      end
    end

    def access_token
      response = Faraday.post(TOKEN_URL) do |req|
        req.headers["Authorization"] = "Basic #{Base64.strict_encode64("#{@client_id}:#{@client_secret}")}"
        req.headers["Content-Type"] = "application/x-www-form-urlencoded"
        req.body = URI.encode_www_form(grant_type: "client_credentials", scope: "payouts")
      end
      JSON.parse(response.body).fetch("access_token")
    end
  end
end
