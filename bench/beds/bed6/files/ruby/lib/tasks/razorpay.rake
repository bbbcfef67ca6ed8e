namespace :razorpay do
  desc "Print fund accounts"
  task fund_accounts: :environment do
    token = Base64.strict_encode64(format("%s%s", ENV["RAZORPAY_KEY_ID"], ENV["RAZORPAY_KEY_SECRET"]))
    res = Faraday.get("https://api.razorpay.com/v1/fund_accounts", nil, { "Authorization" => "Basic #{token}" })
    puts res.body
  end
end
