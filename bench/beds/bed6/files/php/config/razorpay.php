<?php

use Razorpay\Api\Api;

return [
    'key_id' => env('RAZORPAY_KEY_ID'),
    'key_secret' => env('RAZORPAY_KEY_SECRET', 'v4GJ0WAV5j9PM1GcOXSPpcxU'),
    'api' => fn () => new Api(env('RAZORPAY_KEY_ID'), env('RAZORPAY_KEY_SECRET')),
];
