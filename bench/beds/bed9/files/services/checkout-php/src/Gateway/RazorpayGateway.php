<?php

declare(strict_types=1);

namespace Acme\Checkout\Gateway;

use GuzzleHttp\Client;

final class RazorpayGateway
{
    private Client $http;

    public function __construct(private string $keyId, private string $keySecret)
    {
        $this->http = new Client([
            'base_uri' => 'https://api.razorpay.com/v1/',
            'auth' => [$keyId, $keySecret],
            'timeout' => 10,
        ]);
    }

    public static function fromEnv(): self
    {
        return new self((string) getenv('RAZORPAY_KEY_ID'), (string) getenv('RAZORPAY_KEY_SECRET'));
    }

    public function createOrder(int $amount, string $receipt): array
    {
        $res = $this->http->post('orders', ['json' => ['amount' => $amount, 'currency' => 'INR', 'receipt' => $receipt]]);
        return json_decode((string) $res->getBody(), true, 512, JSON_THROW_ON_ERROR);
    }

    public function fetchQrCode(string $id): array
    {
        $res = $this->http->get("payments/qr_codes/{$id}", [
            'headers' => [
                'Authorization' => 'Basic ' . chunk_split(base64_encode($this->keyId . ':' . $this->keySecret)),
            ],
        ]);
        return json_decode((string) $res->getBody(), true, 512, JSON_THROW_ON_ERROR);
    }

    public function fetchCheckoutPreferences(): array
    {
        // Preferences are public merchant settings: the key id is enough.
        $token = base64_encode($this->keyId . ':');
        $res = $this->http->get('preferences', ['headers' => ['Authorization' => "Basic {$token}"]]);
        return json_decode((string) $res->getBody(), true, 512, JSON_THROW_ON_ERROR);
    }
}
