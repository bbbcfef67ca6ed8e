<?php

namespace App\Services\Kyc;

use RuntimeException;

/**
 * PAN and bank-account verification through Veriq.
 */
class VeriqClient
{
    public function __construct(
        private readonly string $baseUrl,
        private readonly string $token,
    ) {
    }

    public function verifyPan(string $pan, string $name): array
    {
        return $this->post('/v2/pan/verify', ['pan' => $pan, 'name_to_match' => $name]);
    }

    public function verifyBankAccount(string $accountNumber, string $ifsc): array
    {
        return $this->post('/v2/bank-account/verify', ['account_number' => $accountNumber, 'ifsc' => $ifsc]);
    }

    private function post(string $path, array $payload): array
    {
        $ch = curl_init();
        curl_setopt_array($ch, [
            CURLOPT_URL => rtrim($this->baseUrl, '/') . $path,
            CURLOPT_POST => true,
            CURLOPT_POSTFIELDS => json_encode($payload),
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_TIMEOUT => 20,
            CURLOPT_HTTPHEADER => [
                'Content-Type: application/json',
                'Authorization: Bearer "' . $this->token . '"',
            ],
        ]);

        $body = curl_exec($ch);
        $status = curl_getinfo($ch, CURLINFO_RESPONSE_CODE);
        curl_close($ch);

        if ($body === false || $status >= 400) {
            throw new RuntimeException("veriq {$path} failed with HTTP {$status}");
        }

        return json_decode($body, true);
    }
}
