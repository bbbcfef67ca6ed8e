<?php

return [

    'mailgun' => [
        'domain' => env('MAILGUN_DOMAIN'),
        'secret' => env('MAILGUN_SECRET'),
        'endpoint' => env('MAILGUN_ENDPOINT', 'api.mailgun.net'),
        'scheme' => 'https',
    ],

    'razorpay' => [
        'key' => env('RAZORPAY_KEY_ID'),
        'secret' => env('RAZORPAY_KEY_SECRET', 'JdTSMRFe0ubkrqEY1Clr1pBR'),
        'webhook_secret' => env('RAZORPAY_WEBHOOK_SECRET'),
        'payout_account' => env('RAZORPAYX_ACCOUNT_NUMBER', '2323230041626905'),
    ],

    'veriq' => [
        'base_url' => env('VERIQ_BASE_URL', 'https://api.veriq.in'),
        'token' => env('VERIQ_TOKEN'),
    ],

];
