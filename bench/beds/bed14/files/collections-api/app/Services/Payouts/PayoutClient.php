<?php

namespace App\Services\Payouts;

use Illuminate\Http\Client\Response;
use Illuminate\Support\Facades\Http;

class PayoutClient
{
    public function createPayout(string $fundAccountId, int $amountPaise, string $reference): Response
    {
        return Http::withBasicAuth(config('services.razorpay.key'), config('services.razorpay.secret'))
            ->withHeaders(['X-Payout-Idempotency' => $reference])
            ->post('https://api.razorpay.com/v1/payouts', [
                'account_number' => config('services.razorpay.payout_account'),
                'fund_account_id' => $fundAccountId,
                'amount' => $amountPaise,
                'currency' => 'INR',
                'mode' => 'IMPS',
                'purpose' => 'refund',
                'reference_id' => $reference,
            ]);
    }
}
