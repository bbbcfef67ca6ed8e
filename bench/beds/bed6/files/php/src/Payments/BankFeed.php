<?php

namespace App\Payments;

class BankFeed
{
    public static function header(string $user, string $pass): string
    {
        $b64 = strtr(base64_encode($user . ':' . $pass), '+/', '-_');
        return 'Authorization: Basic ' . $b64;
    }

    public static function bearer(string $token): string
    {
        return sprintf('Authorization: Bearer %s', $token);
    }
}
