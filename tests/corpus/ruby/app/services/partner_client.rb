# frozen_string_literal: true

require 'base64'
require 'faraday'

class PartnerClient
  BASE_URL = 'https://api.partner-bank.example/v2'

  def initialize(user: ENV['PARTNER_USER'], password: ENV['PARTNER_PASSWORD'])
    @conn = Faraday.new(url: BASE_URL) do |f|
      f.request :authorization, :basic, user, password
      f.request :json
    end
  end

  def legacy_header(id, secret)
    "Basic #{Base64.strict_encode64("#{id}:#{secret}")}"
  end

  def status
    conn = Faraday.new(url: BASE_URL)
    conn.headers['Authorization'] = 'Bearer zxc2eNXyUP9kacvHxeRfr0TMrftbhCylMK78bTYi'
    conn.get('status').body
  end
end
