require "base64"
require "net/http"

module RazorpayReports
  module_function

  def wrapped_header(id, secret)
    "Basic " + Base64.encode64("#{id}:#{secret}").chomp
  end

  def ok_header(id, secret)
    "Basic " + Base64.encode64("#{id}:#{secret}").delete("\n")
  end

  def fetch(path)
    uri = URI("https://api.razorpay.com/v1#{path}")
    req = Net::HTTP::Get.new(uri)
    req["Authorization"] = wrapped_header(ENV["RAZORPAY_KEY_ID"], ENV["RAZORPAY_KEY_SECRET"])
    Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |h| h.request(req) }
  end
end
