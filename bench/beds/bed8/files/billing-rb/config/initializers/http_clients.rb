# frozen_string_literal: true

require 'base64'
require 'faraday'
require 'razorpay'

Razorpay.setup(ENV.fetch('RAZORPAY_KEY_ID'), ENV.fetch('RAZORPAY_KEY_SECRET'))
Razorpay.headers = { 'X-Razorpay-Account' => ENV['RAZORPAY_ACCOUNT_ID'] } if ENV['RAZORPAY_ACCOUNT_ID']

RAZORPAY_HTTP = Faraday.new(url: 'https://api.razorpay.com/v1') do |f|
  f.request :authorization, :basic, ENV.fetch('RAZORPAY_KEY_ID'), ENV.fetch('RAZORPAY_KEY_SECRET')
  f.request :json
  f.response :json
  f.response :raise_error
end

RAZORPAY_ROUTE = Faraday.new(url: 'https://api.razorpay.com/v1') do |f|
  token = Base64.urlsafe_encode64("#{ENV.fetch('RAZORPAY_KEY_ID')}:#{ENV.fetch('RAZORPAY_KEY_SECRET')}")
  f.headers['Authorization'] = "Basic #{token}"
  f.request :json
  f.response :json
end

SLACK_HTTP = Faraday.new(url: 'https://slack.com/api') do |f|
  f.headers['Authorization'] = "Bearer #{ENV.fetch('SLACK_BOT_TOKEN')}"
  f.request :json
end

GITHUB_HTTP = Faraday.new(url: 'https://api.github.com') do |f|
  f.request :authorization, 'Bearer', -> { ENV.fetch('GITHUB_TOKEN') }
  f.headers['Accept'] = 'application/vnd.github+json'
end
