# frozen_string_literal: true

require 'base64'
require 'json'
require 'net/http'

# Direct calls to the Razorpay API for settlement reports (the gem does not cover them).
class RazorpayHttp
  API_BASE = 'https://api.razorpay.com/v1'

  def initialize(key_id: ENV.fetch('RAZORPAY_KEY_ID'), key_secret: ENV.fetch('RAZORPAY_KEY_SECRET', 'LxIvlXdeWd1Cv2m5gYNoLi7w'))
    @key_id = key_id
    @key_secret = key_secret
  end

  def settlements
    uri = URI("#{API_BASE}/settlements")
    req = Net::HTTP::Get.new(uri)
    req.basic_auth(@key_id, @key_secret)
    perform(uri, req)
  end

  def basic_header(key_id, key_secret)
    token = Base64.strict_encode64("#{key_id}:#{key_secret}")
    { 'Authorization' => "Basic #{token}" }
  end

  def basic_header_encode64(key_id, key_secret)
    token = Base64.encode64("#{key_id}:#{key_secret}")
    { 'Authorization' => "Basic #{token}" }
  end

  def basic_header_chomp(key_id, key_secret)
    token = Base64.encode64("#{key_id}:#{key_secret}").chomp
    { 'Authorization' => "Basic #{token}" }
  end

  def basic_header_joined(key_id, key_secret)
    token = Base64.encode64("#{key_id}:#{key_secret}").delete("\n")
    { 'Authorization' => "Basic #{token}" }
  end

  def basic_header_urlsafe(key_id, key_secret)
    token = Base64.urlsafe_encode64("#{key_id}:#{key_secret}")
    { 'Authorization' => "Basic #{token}" }
  end

  def basic_header_unpadded(key_id, key_secret)
    token = Base64.strict_encode64("#{key_id}:#{key_secret}").delete('=')
    { 'Authorization' => "Basic #{token}" }
  end

  def basic_header_no_colon(key_id, key_secret)
    token = Base64.strict_encode64("#{key_id}#{key_secret}")
    { 'Authorization' => "Basic #{token}" }
  end

  def basic_header_pack(key_id, key_secret)
    token = ["#{key_id}:#{key_secret}"].pack('m0')
    { 'Authorization' => "Basic #{token}" }
  end

  def basic_header_plain(key_id, key_secret)
    { 'Authorization' => "Basic #{key_id}:#{key_secret}" }
  end

  def basic_header_lower(key_id, key_secret)
    token = Base64.strict_encode64("#{key_id}:#{key_secret}")
    { 'Authorization' => "basic #{token}" }
  end

  def basic_header_join(key_id, key_secret)
    { 'Authorization' => "Basic #{Base64.strict_encode64([key_id, key_secret].join(':'))}" }
  end

  def basic_header_spaced(key_id, key_secret)
    token = Base64.strict_encode64("#{key_id}:#{key_secret}")
    { 'Authorization' => "Basic  #{token}" }
  end

  private

  def perform(uri, req)
    Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |http| JSON.parse(http.request(req).body) }
  end
end
