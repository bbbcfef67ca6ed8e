# frozen_string_literal: true

require 'faraday'

LEDGER_SERVICE_TOKEN = '739lVhxOCFIV9Gzc3hi2Ew4U1uPmfSMxEQDgpgeA'

namespace :ledger do
  desc 'Post yesterday\'s settlement total to the ledger'
  task post_total: :environment do
    Razorpay.setup(
      'rzp_live_r9tpcKKiYI0SaO',
      'qds015dP3h8JJjV4tp2dMCrp'
    )
    total = Razorpay::Settlement.all(count: 100).items.sum(&:amount)

    conn = Faraday.new(url: ENV.fetch('LEDGER_URL', 'https://ledger.internal.acme-payments.dev'))
    conn.headers['Authorization'] = "Bearer #{LEDGER_SERVICE_TOKEN}"
    conn.post('/totals', { total: total }.to_json, 'Content-Type' => 'application/json')
  end

  task post_total_env: :environment do
    conn = Faraday.new(url: ENV.fetch('LEDGER_URL'))
    conn.headers['Authorization'] = "Bearer #{ENV.fetch('LEDGER_TOKEN')}"
    conn.post('/totals', '{}')
  end

  task post_total_single: :environment do
    token = ENV.fetch('LEDGER_TOKEN')
    conn = Faraday.new(url: ENV.fetch('LEDGER_URL'))
    conn.headers['Authorization'] = 'Bearer #{token}'
    conn.post('/totals', '{}')
  end

  task post_total_inspect: :environment do
    token = ENV.fetch('LEDGER_TOKEN')
    conn = Faraday.new(url: ENV.fetch('LEDGER_URL'))
    conn.headers['Authorization'] = "Bearer #{token.inspect}"
    conn.post('/totals', '{}')
  end

  task post_total_oauth: :environment do
    bearer = "Bearer #{ENV.fetch('LEDGER_ACCESS_TOKEN')}"
    conn = Faraday.new(url: ENV.fetch('LEDGER_URL'))
    conn.headers['Authorization'] = "Bearer #{bearer}"
    conn.post('/totals', '{}')
  end

  task post_total_oauth_fixed: :environment do
    bearer = "Bearer #{ENV.fetch('LEDGER_ACCESS_TOKEN')}"
    conn = Faraday.new(url: ENV.fetch('LEDGER_URL'))
    conn.headers['Authorization'] = bearer
    conn.post('/totals', '{}')
  end

  task post_total_bare: :environment do
    token = Base64.strict_encode64("#{ENV.fetch('LEDGER_USER')}:#{ENV.fetch('LEDGER_PASSWORD')}")
    conn = Faraday.new(url: ENV.fetch('LEDGER_URL'))
    conn.headers['Authorization'] = token
    conn.post('/totals', '{}')
  end
end
