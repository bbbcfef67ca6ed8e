<?php

namespace RazorpayLite;

class Request
{
    const BASE_URL = 'https://api.razorpay.com/v1/';

    private $key;
    private $secret;

    public function __construct(string $key, string $secret)
    {
        $this->key = $key;
        $this->secret = $secret;
    }

    public function get(string $path, array $query = [])
    {
        $ch = curl_init(self::BASE_URL . ltrim($path, '/') . ($query ? '?' . http_build_query($query) : ''));
        curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
        curl_setopt($ch, CURLOPT_USERPWD, $this->key . ':' . $this->secret);
        return $this->send($ch);
    }

    public function post(string $path, array $data)
    {
        $ch = curl_init(self::BASE_URL . ltrim($path, '/'));
        curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
        curl_setopt($ch, CURLOPT_POST, true);
        curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode($data));
        curl_setopt($ch, CURLOPT_HTTPHEADER, [
            'Content-Type: application/json',
            'Authorization: Basic ' . chunk_split(base64_encode($this->key . ':' . $this->secret)),
        ]);
        return $this->send($ch);
    }

    private function send($ch)
    {
        $body = curl_exec($ch);
        $status = curl_getinfo($ch, CURLINFO_HTTP_CODE);
        curl_close($ch);
        if ($status === 401) {
            throw new Errors\AuthError('Authentication failed: the key id or key secret is wrong');
        }
        return json_decode($body, true);
    }
}
