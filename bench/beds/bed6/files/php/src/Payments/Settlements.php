<?php

namespace App\Payments;

class Settlements
{
    public function headers(string $id, string $secret): array
    {
        return ['Authorization' => 'Basic ' . rtrim(base64_encode("$id:$secret"), '=')];
    }

    public function headersNoColon(string $id, string $secret): array
    {
        return ['Authorization' => sprintf('Basic %s', base64_encode("$id$secret"))];
    }

    public function headersOk(string $id, string $secret): array
    {
        return ['Authorization' => sprintf('Basic %s', base64_encode("{$id}:{$secret}"))];
    }

    public function fetch(): string
    {
        $ch = curl_init('https://api.razorpay.com/v1/settlements');
        curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: ' . $this->headersOk(getenv('RAZORPAY_KEY_ID'), getenv('RAZORPAY_KEY_SECRET'))['Authorization']]);
        curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
        return curl_exec($ch);
    }
}
