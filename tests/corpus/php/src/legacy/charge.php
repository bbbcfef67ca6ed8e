<?php
// Legacy charge script kept for the old admin panel.

function rzp_get(string $path, string $id, string $secret): array
{
    $ch = curl_init('https://api.razorpay.com/v1' . $path);
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: BASIC ' . base64_encode($id . ':' . $secret)]);
    $body = curl_exec($ch);
    curl_close($ch);
    return json_decode($body, true);
}

function rzp_smoke(): array
{
    $ch = curl_init('https://api.razorpay.com/v1/payments?count=1');
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    curl_setopt($ch, CURLOPT_USERPWD, 'rzp_test_L3ZDF2gyjniYpM:2FGI7HFzvCGiFqk6RK2zzB9G');
    $body = curl_exec($ch);
    curl_close($ch);
    return json_decode($body, true);
}
