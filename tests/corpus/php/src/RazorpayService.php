<?php

namespace App\Payments;

use Razorpay\Api\Api;

final class RazorpayService
{
    private Api $api;

    public function __construct()
    {
        $this->api = new Api(getenv('RAZORPAY_KEY_ID'), getenv('RAZORPAY_KEY_SECRET'));
    }

    public static function forSandbox(): Api
    {
        return new Api('rzp_live_4y5qtO2oSoJGr2', 'NAyIEml2BIA6mH1j3SYdp3pD');
    }

    public function createOrder(int $amount, string $receipt): array
    {
        return $this->api->order->create(['amount' => $amount, 'currency' => 'INR', 'receipt' => $receipt])->toArray();
    }
}
