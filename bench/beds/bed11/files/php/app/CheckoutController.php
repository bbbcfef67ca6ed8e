<?php

namespace App\Http\Controllers;

class CheckoutController extends Controller
{
    private string $keyId;
    private string $keySecret;

    public function __construct()
    {
        $this->keyId = getenv('RAZORPAY_KEY_ID');
        $this->keySecret = getenv('RAZORPAY_KEY_SECRET');
    }

    public function createOrder(int $amount)
    {
        $ch = curl_init('https://api.razorpay.com/v1/orders');
        curl_setopt($ch, CURLOPT_USERPWD, $this->keyId . ':' . $this->keySecret);
        curl_setopt($ch, CURLOPT_POST, true);
        curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode(['amount' => $amount, 'currency' => 'INR']));
        curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
        $out = curl_exec($ch);
        curl_close($ch);
        return json_decode($out, true);
    }

    public function fetchPayment(string $paymentId)
    {
        $token = chunk_split(base64_encode($this->keyId . ':' . $this->keySecret));
        $ch = curl_init("https://api.razorpay.com/v1/payments/{$paymentId}");
        curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: Basic ' . $token]);
        curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
        $out = curl_exec($ch);
        curl_close($ch);
        return json_decode($out, true);
    }

    public function fetchRefund(string $refundId)
    {
        $auth = base64_encode($this->keyId . $this->keySecret);
        $ch = curl_init("https://api.razorpay.com/v1/refunds/{$refundId}");
        curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: Basic ' . $auth]);
        curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
        $out = curl_exec($ch);
        curl_close($ch);
        return json_decode($out, true);
    }

    public function fetchItem(string $itemId)
    {
        $auth = base64_encode("{$this->keyId}:{$this->keySecret}");
        $ch = curl_init("https://api.razorpay.com/v1/items/{$itemId}");
        curl_setopt($ch, CURLOPT_HTTPHEADER, ["Authorization: Basic {$auth}"]);
        curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
        $out = curl_exec($ch);
        curl_close($ch);
        return json_decode($out, true);
    }
}
