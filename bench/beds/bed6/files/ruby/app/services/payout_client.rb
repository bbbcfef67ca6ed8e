require "base64"
require "net/http"

class PayoutClient
  def initialize
    @id = ENV.fetch("RAZORPAYX_KEY_ID")
    @secret = ENV.fetch("RAZORPAYX_KEY_SECRET")
  end

  def scheme
    case Rails.env
    when "production" then "Basic"
    else "BASIC"
    end
  end

  def headers
    { "Authorization" => "#{scheme} #{Base64.strict_encode64("#{@id}:#{@secret}")}", "Content-Type" => "application/json" }
  end

  def packed_headers
    { "Authorization" => "Basic " + ["#{@id}:#{@secret}"].pack("m") }
  end

  def post(path, body)
    uri = URI("https://api.razorpay.com/v1#{path}")
    Net::HTTP.post(uri, body.to_json, headers)
  end
end
