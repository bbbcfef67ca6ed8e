<?php

namespace App\Partner;

use GuzzleHttp\Client;

final class GuzzlePartner
{
    public function __construct(private string $token)
    {
    }

    public function statements(): array
    {
        $client = new Client(['base_uri' => 'https://api.partner-bank.example/v2/']);
        $res = $client->get('statements', ['headers' => ['Authorization' => "Bearer {$this->token}"]]);
        return json_decode((string) $res->getBody(), true);
    }

    public function archive(): array
    {
        $client = new Client(['base_uri' => 'https://archive.partner-bank.example/']);
        $res = $client->get('v1/files', ['auth' => ['partner-api', 'BcplnPz6bKvCYReA4JEDrnjc']]);
        return json_decode((string) $res->getBody(), true);
    }
}
