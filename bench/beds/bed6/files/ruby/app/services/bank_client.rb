require "base64"
require "faraday"

class BankClient
  def initialize(user, password)
    @user = user
    @password = password
  end

  def connection
    Faraday.new(url: "https://openapi.partner-bank.co.in") do |f|
      f.headers["Authorization"] = "Basic #{Base64.urlsafe_encode64("#{@user}:#{@password}")}"
      f.adapter Faraday.default_adapter
    end
  end

  def quoted_header(token)
    { "Authorization" => "Bearer #{token.inspect}" }
  end
end
