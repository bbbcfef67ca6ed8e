<?php
require __DIR__ . '/../vendor/autoload.php';

$id = $_GET['payment_id'];
$ch = curl_init("https://api.razorpay.com/v1/payments/$id/capture");
curl_setopt($ch, CURLOPT_POST, true);
curl_setopt($ch, CURLOPT_HTTPHEADER, [
    'Content-Type: application/json',
    'Authorization: Basic $RZP_TOKEN',
]);
curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode(['amount' => (int) $_GET['amount'], 'currency' => 'INR']));
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
echo curl_exec($ch);
