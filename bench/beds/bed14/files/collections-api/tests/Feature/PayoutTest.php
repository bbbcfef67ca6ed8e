<?php

namespace Tests\Feature;

use App\Services\Payouts\PayoutClient;
use Illuminate\Http\Client\Request;
use Illuminate\Support\Facades\Http;
use Tests\TestCase;

class PayoutTest extends TestCase
{
    protected function setUp(): void
    {
        parent::setUp();

        config([
            'services.razorpay.key' => 'rzp_test_key',
            'services.razorpay.secret' => 'test_secret',
            'services.razorpay.payout_account' => '7878780080316316',
        ]);
    }

    public function test_payout_uses_basic_auth_with_the_key_pair(): void
    {
        Http::fake(['api.razorpay.com/*' => Http::response(['id' => 'pout_00000000000001', 'status' => 'queued'], 200)]);

        (new PayoutClient())->createPayout('fa_00000000000001', 50000, 'refund-inv-77');

        Http::assertSent(fn (Request $request) => $request->hasHeader('Authorization', 'Basic cnpwX3Rlc3Rfa2V5OnRlc3Rfc2VjcmV0')
            && $request['amount'] === 50000);
    }
}
