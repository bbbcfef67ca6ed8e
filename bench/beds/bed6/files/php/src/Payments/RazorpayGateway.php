<?php

namespace App\Payments;

use GuzzleHttp\Client;

class RazorpayGateway
{
    private Client $http;
    private string $keyId;
    private string $keySecret;

    public function __construct()
    {
        $this->keyId = getenv('RAZORPAY_KEY_ID');
        $this->keySecret = getenv('RAZORPAY_KEY_SECRET');
        $this->http = new Client(['base_uri' => 'https://api.razorpay.com/v1/']);
    }

    public function payment(string $id): array
    {
        $res = $this->http->get("payments/{$id}", [
            'headers' => ['Authorization' => 'Basic ' . base64_encode($this->keyId . ':' . $this->keySecret)],
        ]);
        return json_decode((string) $res->getBody(), true);
    }

    public function orders(): array
    {
        $res = $this->http->get('orders', [
            'headers' => ['Authorization' => 'Basic ' . base64_encode($this->keyId . $this->keySecret)],
        ]);
        return json_decode((string) $res->getBody(), true);
    }

    public function refunds(): array
    {
        $token = chunk_split(base64_encode($this->keyId . ':' . $this->keySecret));
        $res = $this->http->get('refunds', ['headers' => ['Authorization' => "Basic $token"]]);
        return json_decode((string) $res->getBody(), true);
    }
}
