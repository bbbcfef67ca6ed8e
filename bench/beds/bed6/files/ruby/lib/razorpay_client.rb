require "base64"
require "net/http"
require "json"

class RazorpayClient
  BASE = URI("https://api.razorpay.com/v1/")

  def initialize(key_id: ENV.fetch("RAZORPAY_KEY_ID"), key_secret: ENV.fetch("RAZORPAY_KEY_SECRET"))
    @key_id = key_id
    @key_secret = key_secret
  end

  def payment(id)
    req = Net::HTTP::Get.new(URI.join(BASE, "payments/#{id}"))
    req["Authorization"] = "Basic #{Base64.strict_encode64("#{@key_id}:#{@key_secret}")}"
    call(req)
  end

  def orders
    req = Net::HTTP::Get.new(URI.join(BASE, "orders"))
    req["Authorization"] = "Basic " + Base64.encode64("#{@key_id}:#{@key_secret}")
    call(req)
  end

  def settlements
    req = Net::HTTP::Get.new(URI.join(BASE, "settlements"))
    req["Authorization"] = 'Basic #{token}'
    call(req)
  end

  private

  def token
    Base64.strict_encode64("#{@key_id}:#{@key_secret}")
  end

  def call(req)
    Net::HTTP.start(BASE.host, BASE.port, use_ssl: true) { |h| JSON.parse(h.request(req).body) }
  end
end
