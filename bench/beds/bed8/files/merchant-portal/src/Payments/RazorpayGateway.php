<?php

declare(strict_types=1);

namespace App\Payments;

use RuntimeException;

final class RazorpayGateway
{
    private const BASE = 'https://api.razorpay.com/v1';

    private string $keyId;
    private string $keySecret;

    public function __construct()
    {
        $this->keyId = (string) getenv('RAZORPAY_KEY_ID');
        $this->keySecret = (string) getenv('RAZORPAY_KEY_SECRET');
    }

    public function fetchPayment(string $paymentId): array
    {
        $ch = curl_init(self::BASE . '/payments/' . rawurlencode($paymentId));
        curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
        curl_setopt($ch, CURLOPT_USERPWD, $this->keyId . ':' . $this->keySecret);
        curl_setopt($ch, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
        return $this->exec($ch);
    }

    public function capture(string $paymentId, int $amount): array
    {
        $token = chunk_split(base64_encode($this->keyId . ':' . $this->keySecret));
        $ch = curl_init(self::BASE . '/payments/' . rawurlencode($paymentId) . '/capture');
        curl_setopt_array($ch, [
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_POST => true,
            CURLOPT_POSTFIELDS => json_encode(['amount' => $amount, 'currency' => 'INR']),
            CURLOPT_HTTPHEADER => [
                'Authorization: Basic ' . $token,
                'Content-Type: application/json',
            ],
        ]);
        return $this->exec($ch);
    }

    public function refund(string $paymentId, ?int $amount = null): array
    {
        $ch = curl_init(self::BASE . '/payments/' . rawurlencode($paymentId) . '/refund');
        curl_setopt_array($ch, [
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_POST => true,
            CURLOPT_POSTFIELDS => json_encode($amount === null ? new \stdClass() : ['amount' => $amount]),
            CURLOPT_HTTPHEADER => [
                'Authorization: Basic ' . base64_encode($this->keyId . $this->keySecret),
                'Content-Type: application/json',
            ],
        ]);
        return $this->exec($ch);
    }

    public function orders(int $count = 25): array
    {
        $ch = curl_init(self::BASE . '/orders?count=' . $count);
        curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
        curl_setopt($ch, CURLOPT_HTTPHEADER, [
            'Authorization: Basic ' . base64_encode("{$this->keyId}:{$this->keySecret}"),
        ]);
        return $this->exec($ch);
    }

    private function exec($ch): array
    {
        $body = curl_exec($ch);
        $status = curl_getinfo($ch, CURLINFO_RESPONSE_CODE);
        curl_close($ch);
        if ($body === false || $status >= 400) {
            throw new RuntimeException("Razorpay request failed with HTTP {$status}");
        }
        return json_decode((string) $body, true, 512, JSON_THROW_ON_ERROR);
    }
}
