require 'net/http'
require 'json'
require 'base64'

module Paygate
  class Client
    BASE = URI('https://api.razorpay.com/v1/')

    def initialize(key_id:, key_secret:)
      @key_id = key_id
      @key_secret = key_secret
    end

    def get(path, params = {})
      uri = URI.join(BASE, path)
      uri.query = URI.encode_www_form(params) unless params.empty?
      req = Net::HTTP::Get.new(uri)
      req.basic_auth(@key_id, @key_secret)
      perform(uri, req)
    end

    def post(path, body)
      uri = URI.join(BASE, path)
      req = Net::HTTP::Post.new(uri)
      req['Content-Type'] = 'application/json'
      req['Authorization'] = "Basic #{Base64.encode64("#{@key_id}:#{@key_secret}")}"
      req.body = body.to_json
      perform(uri, req)
    end

    private

    def perform(uri, req)
      res = Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |http| http.request(req) }
      raise Paygate::AuthError, 'invalid key_id/key_secret' if res.code == '401'
      JSON.parse(res.body)
    end
  end
end
