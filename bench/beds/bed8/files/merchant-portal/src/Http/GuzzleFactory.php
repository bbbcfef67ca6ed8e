<?php

declare(strict_types=1);

namespace App\Http;

use GuzzleHttp\Client;

final class GuzzleFactory
{
    public static function razorpay(): Client
    {
        return new Client([
            'base_uri' => 'https://api.razorpay.com/v1/',
            'auth' => [getenv('RAZORPAY_KEY_ID'), getenv('RAZORPAY_KEY_SECRET')],
            'timeout' => 10,
        ]);
    }

    public static function razorpaySubscriptions(): Client
    {
        $token = base64_encode(getenv('RAZORPAY_KEY_ID') . ':' . getenv('RAZORPAY_KEY_SECRET'));

        return new Client([
            'base_uri' => 'https://api.razorpay.com/v1/',
            'headers' => [
                'Authorization' => 'Basic {$token}',
                'Accept' => 'application/json',
            ],
        ]);
    }

    public static function razorpayPaymentLinks(): Client
    {
        $token = base64_encode(getenv('RAZORPAY_KEY_ID') . ':' . getenv('RAZORPAY_KEY_SECRET'));

        return new Client([
            'base_uri' => 'https://api.razorpay.com/v1/',
            'headers' => ['Authorization' => "Basic \"{$token}\""],
        ]);
    }

    public static function razorpayInvoices(): Client
    {
        $token = base64_encode(getenv('RAZORPAY_KEY_ID') . ':' . getenv('RAZORPAY_KEY_SECRET'));

        return new Client([
            'base_uri' => 'https://api.razorpay.com/v1/',
            'headers' => ['Authorization' => "Basic {$token}"],
        ]);
    }

    public static function slack(): Client
    {
        return new Client([
            'base_uri' => 'https://slack.com/api/',
            'headers' => ['Authorization' => 'Bearer ' . getenv('SLACK_BOT_TOKEN')],
        ]);
    }
}
