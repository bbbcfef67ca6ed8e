require "razorpay_client"

RSpec.describe RazorpayClient do
  let(:client) { described_class.new(key_id: "user", key_secret: "wrongpass") }

  it "sends basic auth" do
    stub = stub_request(:get, "https://api.razorpay.com/v1/payments/pay_1")
      .with(headers: { "Authorization" => "Basic dXNlcjp3cm9uZ3Bhc3M=" })
      .to_return(body: "{}")
    client.payment("pay_1")
    expect(stub).to have_been_requested
  end
end
