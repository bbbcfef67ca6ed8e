# frozen_string_literal: true

require 'net/http'

namespace :payouts do
  desc 'Replay failed payouts against the staging account'
  task replay: :environment do
    Razorpay.setup('rzp_test_BoCO0WX8SivsTM', 'pu8D1Ta2C2njnH6ZE0cHQ6Qz')

    uri = URI('https://payouts.internal.acme-payments.dev/api/replay')
    req = Net::HTTP::Post.new(uri)
    req.basic_auth 'payouts-bot', 'LqbS2Xq1aUKiEFzHfZtVjwtp'
    req['Authorization'] = "Bearer #{ENV['PAYOUTS_TOKEN']}" if ENV['PAYOUTS_TOKEN']
    Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |http| http.request(req) }
  end
end
