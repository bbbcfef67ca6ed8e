# frozen_string_literal: true

require "rails_helper"

RSpec.describe Payouts::BankTransferClient do
  subject(:client) { described_class.new(client_id: "kb-test-client", client_secret: "test-secret") }

  before do
    stub_request(:post, "https://api.lendpartner.in/oauth2/token")
      .with(headers: { "Authorization" => "Basic a2ItdGVzdC1jbGllbnQ6dGVzdC1zZWNyZXQ=" })
      .to_return(status: 200, body: { access_token: "tok_test_123", expires_in: 3600 }.to_json)
  end

  it "sends the transfer with the bank's bearer token" do
    stub = stub_request(:post, "https://api.lendpartner.in/payouts/v3/transfers")
      .with(headers: { "Authorization" => "Bearer tok_test_123", "Idempotency-Key" => "inv_0042" })
      .to_return(status: 201, body: "{}")

    client.transfer(beneficiary: "ben_1", amount_paise: 125_00, reference: "inv_0042")

    expect(stub).to have_been_requested
  end
end
