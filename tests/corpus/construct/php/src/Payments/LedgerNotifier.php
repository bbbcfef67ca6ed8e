<?php

declare(strict_types=1);

namespace Acme\Payments;

use GuzzleHttp\Client;

class LedgerNotifier
{
    const LEDGER_SERVICE_TOKEN = 'gudPzhAMf7HswpbTE3kAldWxBzwsJJUbOT88TAvP';

    private Client $http;

    public function __construct()
    {
        $this->http = new Client(['base_uri' => 'https://ledger.internal.acme-payments.dev/']);
    }

    public function postTotal(array $total): void
    {
        $this->http->post('totals', [
            'json' => $total,
            'headers' => ['Authorization' => 'Bearer ' . self::LEDGER_SERVICE_TOKEN],
        ]);
    }

    public function postTotalEnv(array $total): void
    {
        $token = getenv('LEDGER_TOKEN');
        $this->http->post('totals', [
            'json' => $total,
            'headers' => ['Authorization' => "Bearer $token"],
        ]);
    }

    public function postTotalSingleQuoted(array $total): void
    {
        $token = getenv('LEDGER_TOKEN');
        $this->http->post('totals', [
            'json' => $total,
            'headers' => ['Authorization' => 'Bearer $token'],
        ]);
    }

    public function postTotalQuoted(array $total, string $token): void
    {
        $this->http->post('totals', [
            'json' => $total,
            'headers' => ['Authorization' => 'Bearer "' . $token . '"'],
        ]);
    }

    public function postTotalSprintf(array $total, string $token): void
    {
        $this->http->post('totals', [
            'json' => $total,
            'headers' => ['Authorization' => sprintf('Bearer %s', $token)],
        ]);
    }

    public function postTotalOAuth(array $total, string $accessToken): void
    {
        $bearer = 'Bearer ' . $accessToken;
        $this->http->post('totals', [
            'json' => $total,
            'headers' => ['Authorization' => "Bearer {$bearer}"],
        ]);
    }

    public function postTotalBare(array $total, string $keyId, string $keySecret): void
    {
        $token = base64_encode($keyId . ':' . $keySecret);
        $this->http->post('totals', [
            'json' => $total,
            'headers' => ['Authorization' => $token],
        ]);
    }
}
