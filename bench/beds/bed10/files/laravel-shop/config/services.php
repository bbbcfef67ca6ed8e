<?php

return [

    'mailgun' => [
        'domain' => env('MAILGUN_DOMAIN'),
        'secret' => env('MAILGUN_SECRET'),
        'endpoint' => env('MAILGUN_ENDPOINT', 'api.mailgun.net'),
    ],

    'razorpay' => [
        'key' => env('RAZORPAY_KEY'),
        'secret' => env('RAZORPAY_SECRET', 'Xk4pW9mR2tQ7vN1cL6zB8hJs'),
        'webhook_secret' => env('RAZORPAY_WEBHOOK_SECRET'),
    ],

];
