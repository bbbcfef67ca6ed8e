<?php

namespace App\Http;

class RawRequest
{
    public static function build(string $path, string $token): string
    {
        return <<<HTTP
GET /v1/{$path} HTTP/1.1
Host: api.razorpay.com
Authorization: basic {$token}
Accept: application/json

HTTP;
    }
}
