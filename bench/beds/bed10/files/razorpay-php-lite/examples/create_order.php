<?php
require __DIR__ . '/../vendor/autoload.php';

use Razorpay\Api\Api;

// Replace with your own keys from https://dashboard.razorpay.com/app/keys
$api = new Api('YOUR_KEY_ID', 'YOUR_KEY_SECRET');

$order = $api->order->create([
    'receipt' => 'rcptid_11',
    'amount' => 50000,
    'currency' => 'INR',
]);

echo $order['id'], PHP_EOL;
