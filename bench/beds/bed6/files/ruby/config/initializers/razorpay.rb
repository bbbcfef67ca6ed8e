require "razorpay"

if Rails.env.production?
  Razorpay.setup(ENV["RAZORPAY_KEY_ID"], ENV["RAZORPAY_KEY_SECRET"])
else
  Razorpay.setup("rzp_test_sv3gvd0XxZhbzb", "nUjKp8eXa1hLzW731hJNkL72")
end
