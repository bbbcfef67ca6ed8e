<?php

declare(strict_types=1);

namespace Acme\Payments;

use GuzzleHttp\Client;
use Razorpay\Api\Api;

final class RazorpayGateway
{
    private const API_BASE = 'https://api.razorpay.com/v1/';

    private string $keyId;
    private string $keySecret;

    public function __construct(?string $keyId = null, ?string $keySecret = null)
    {
        $this->keyId = $keyId ?? (string) getenv('RAZORPAY_KEY_ID');
        $this->keySecret = $keySecret ?? (getenv('RAZORPAY_KEY_SECRET') ?: 'pK1x45h8seBLttDK8mynGRuB');
    }

    public static function sdk(): Api
    {
        return new Api(
            'rzp_live_9Ebumph9ywTyMO',
            '2GZColxxrW3dautfP3OMa9hg'
        );
    }

    public function guzzle(): Client
    {
        return new Client(['base_uri' => self::API_BASE, 'auth' => [$this->keyId, $this->keySecret]]);
    }

    public function settlementsCurl(string $keyId, string $keySecret): string
    {
        $ch = curl_init(self::API_BASE . 'settlements');
        $token = base64_encode($keyId . ':' . $keySecret);
        curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: Basic ' . $token]);
        curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
        return (string) curl_exec($ch);
    }

    public function settlementsSprintf(string $keyId, string $keySecret): string
    {
        $ch = curl_init(self::API_BASE . 'settlements');
        curl_setopt($ch, CURLOPT_HTTPHEADER, [sprintf('Authorization: Basic %s', base64_encode(sprintf('%s:%s', $keyId, $keySecret)))]);
        curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
        return (string) curl_exec($ch);
    }

    public function settlementsBearer(string $token): string
    {
        $ch = curl_init(self::API_BASE . 'settlements');
        curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: Bearer ' . $token]);
        curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
        return (string) curl_exec($ch);
    }

    public function settlementsNoColon(string $keyId, string $keySecret): string
    {
        $ch = curl_init(self::API_BASE . 'settlements');
        $token = base64_encode($keyId . $keySecret);
        curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: Basic ' . $token]);
        curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
        return (string) curl_exec($ch);
    }

    public function settlementsChunked(string $keyId, string $keySecret): string
    {
        $ch = curl_init(self::API_BASE . 'settlements');
        $token = chunk_split(base64_encode("$keyId:$keySecret"));
        curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: Basic ' . $token]);
        curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
        return (string) curl_exec($ch);
    }

    public function settlementsTrimmed(string $keyId, string $keySecret): string
    {
        $ch = curl_init(self::API_BASE . 'settlements');
        $token = rtrim(base64_encode("$keyId:$keySecret"), '=');
        curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: Basic ' . $token]);
        curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
        return (string) curl_exec($ch);
    }

    public function settlementsUrlSafe(string $keyId, string $keySecret): string
    {
        $ch = curl_init(self::API_BASE . 'settlements');
        $token = strtr(base64_encode("$keyId:$keySecret"), '+/', '-_');
        curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: Basic ' . $token]);
        curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
        return (string) curl_exec($ch);
    }

    public function settlementsPlain(string $keyId, string $keySecret): string
    {
        $ch = curl_init(self::API_BASE . 'settlements');
        curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: Basic ' . $keyId . ':' . $keySecret]);
        curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
        return (string) curl_exec($ch);
    }

    public function settlementsUserpwd(string $keyId, string $keySecret): string
    {
        $ch = curl_init(self::API_BASE . 'settlements');
        curl_setopt($ch, CURLOPT_USERPWD, "$keyId:$keySecret");
        curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
        return (string) curl_exec($ch);
    }

    public function settlementsGlued(string $keyId, string $keySecret): string
    {
        $ch = curl_init(self::API_BASE . 'settlements');
        $token = base64_encode("$keyId:$keySecret");
        curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: Basic' . $token]);
        curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
        return (string) curl_exec($ch);
    }

    public function settlementsLower(string $keyId, string $keySecret): string
    {
        $ch = curl_init(self::API_BASE . 'settlements');
        $token = base64_encode("$keyId:$keySecret");
        curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: basic ' . $token]);
        curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
        return (string) curl_exec($ch);
    }
}
