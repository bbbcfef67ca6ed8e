<?php
$keyId = getenv('RAZORPAY_KEY_ID');
$keySecret = getenv('RAZORPAY_KEY_SECRET');
$ch = curl_init('https://api.razorpay.com/v1/payments?count=10');
curl_setopt($ch, CURLOPT_USERPWD, $keyId . ':' . $keySecret);
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
$out = curl_exec($ch);

$ctx = stream_context_create(['http' => [
    'header' => "Authorization: Bearer " . getenv('LEDGER_TOKEN'),
]]);
file_get_contents('https://ledger.internal.acme.io/sync', false, $ctx);
