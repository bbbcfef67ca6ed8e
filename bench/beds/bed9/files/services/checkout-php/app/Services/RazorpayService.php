<?php

namespace App\Services;

use Illuminate\Support\Facades\Http;

class RazorpayService
{
    private string $base = 'https://api.razorpay.com/v1';

    public function createOrder(int $amount, string $receipt): array
    {
        return Http::withBasicAuth(config('services.razorpay.key'), config('services.razorpay.secret'))
            ->post("{$this->base}/orders", ['amount' => $amount, 'currency' => 'INR', 'receipt' => $receipt])
            ->throw()
            ->json();
    }

    public function fetchPayment(string $id): array
    {
        $key = config('services.razorpay.key');
        $secret = config('services.razorpay.secret');

        return Http::withHeaders(['Authorization' => 'Basic ' . $key . ':' . $secret])
            ->get("{$this->base}/payments/{$id}")
            ->throw()
            ->json();
    }

    /** Partner (OAuth) calls on behalf of a sub-merchant. */
    public function partnerAccount(string $accessToken, string $accountId): array
    {
        return Http::withToken($accessToken)
            ->get("{$this->base}/accounts/{$accountId}")
            ->throw()
            ->json();
    }
}
