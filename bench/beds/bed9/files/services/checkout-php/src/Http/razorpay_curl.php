<?php

declare(strict_types=1);

function razorpay_request(string $method, string $path, ?array $body = null): array
{
    $ch = curl_init('https://api.razorpay.com/v1/' . ltrim($path, '/'));
    curl_setopt($ch, CURLOPT_USERPWD, getenv('RAZORPAY_KEY_ID') . ':' . getenv('RAZORPAY_KEY_SECRET'));
    curl_setopt($ch, CURLOPT_CUSTOMREQUEST, $method);
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    if ($body !== null) {
        curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode($body));
        curl_setopt($ch, CURLOPT_HTTPHEADER, ['Content-Type: application/json']);
    }
    $out = curl_exec($ch);
    curl_close($ch);
    return json_decode((string) $out, true) ?? [];
}

function razorpay_refund(string $paymentId, int $amount): array
{
    $token = base64_encode(getenv('RAZORPAY_KEY_ID') . ':' . getenv('RAZORPAY_KEY_SECRET'));
    $ch = curl_init("https://api.razorpay.com/v1/payments/{$paymentId}/refund");
    curl_setopt_array($ch, [
        CURLOPT_POST => true,
        CURLOPT_RETURNTRANSFER => true,
        CURLOPT_POSTFIELDS => json_encode(['amount' => $amount]),
        CURLOPT_HTTPHEADER => [
            'Content-Type: application/json',
            'Authorization: basic ' . $token,
        ],
    ]);
    $out = curl_exec($ch);
    curl_close($ch);
    return json_decode((string) $out, true) ?? [];
}

function razorpay_capture(string $paymentId, int $amount): array
{
    $token = base64_encode(getenv('RAZORPAY_KEY_ID') . ':' . getenv('RAZORPAY_KEY_SECRET'));
    $headers = ['Content-Type: application/json'];
    $headers[] = 'Authorization: Basic "' . $token . '"';
    $ch = curl_init("https://api.razorpay.com/v1/payments/{$paymentId}/capture");
    curl_setopt_array($ch, [
        CURLOPT_POST => true,
        CURLOPT_RETURNTRANSFER => true,
        CURLOPT_HTTPHEADER => $headers,
        CURLOPT_POSTFIELDS => json_encode(['amount' => $amount, 'currency' => 'INR']),
    ]);
    $out = curl_exec($ch);
    curl_close($ch);
    return json_decode((string) $out, true) ?? [];
}

function razorpay_payment(string $paymentId): array
{
    $auth = base64_encode(getenv('RAZORPAY_KEY_ID') . ':' . getenv('RAZORPAY_KEY_SECRET'));
    $ch = curl_init("https://api.razorpay.com/v1/payments/{$paymentId}");
    curl_setopt($ch, CURLOPT_HTTPHEADER, ["Authorization: Basic $auth"]);
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    $out = curl_exec($ch);
    curl_close($ch);
    return json_decode((string) $out, true) ?? [];
}

function razorpay_order(string $orderId): array
{
    $auth = base64_encode(getenv('RAZORPAY_KEY_ID') . ':' . getenv('RAZORPAY_KEY_SECRET'));
    $ch = curl_init("https://api.razorpay.com/v1/orders/{$orderId}");
    curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: Basic $auth']);
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    $out = curl_exec($ch);
    curl_close($ch);
    return json_decode((string) $out, true) ?? [];
}
