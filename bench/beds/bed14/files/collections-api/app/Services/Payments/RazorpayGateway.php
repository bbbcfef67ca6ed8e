<?php

namespace App\Services\Payments;

use GuzzleHttp\Client;
use GuzzleHttp\Exception\RequestException;
use Illuminate\Support\Facades\Log;

class RazorpayGateway
{
    private Client $http;

    public function __construct(
        private readonly string $keyId,
        private readonly string $keySecret,
    ) {
        $this->http = new Client([
            'base_uri' => 'https://api.razorpay.com/v1/',
            'timeout' => 10,
            'headers' => [
                'Authorization' => 'basic ' . base64_encode($this->keyId . ':' . $this->keySecret),
                'Accept' => 'application/json',
            ],
        ]);
    }

    public function createPaymentLink(int $amountPaise, string $invoiceNumber, array $customer): array
    {
        return $this->send('POST', 'payment_links', [
            'amount' => $amountPaise,
            'currency' => 'INR',
            'reference_id' => $invoiceNumber,
            'customer' => $customer,
            'notify' => ['sms' => true, 'email' => true],
            'reminder_enable' => true,
        ]);
    }

    public function refund(string $paymentId, int $amountPaise): array
    {
        return $this->send('POST', "payments/{$paymentId}/refund", ['amount' => $amountPaise]);
    }

    private function send(string $method, string $uri, array $body): array
    {
        try {
            $response = $this->http->request($method, $uri, ['json' => $body]);
        } catch (RequestException $e) {
            Log::warning('razorpay request failed', ['uri' => $uri, 'status' => $e->getResponse()?->getStatusCode()]);
            throw $e;
        }

        return json_decode((string) $response->getBody(), true, 512, JSON_THROW_ON_ERROR);
    }
}
