<?php

namespace App\Console\Commands;

use App\Models\Settlement;
use Carbon\CarbonImmutable;
use Illuminate\Console\Command;
use Illuminate\Support\Facades\Http;

class SyncSettlements extends Command
{
    protected $signature = 'settlements:sync {--date= : Day to sync (Y-m-d), defaults to yesterday}';

    protected $description = 'Pull settlements from Razorpay into the settlements table';

    public function handle(): int
    {
        $day = CarbonImmutable::parse($this->option('date') ?? 'yesterday');

        $token = base64_encode(config('services.razorpay.key') . config('services.razorpay.secret'));

        $response = Http::withHeaders(['Authorization' => "Basic {$token}"])
            ->acceptJson()
            ->get('https://api.razorpay.com/v1/settlements/recon/combined', [
                'year' => $day->year,
                'month' => $day->month,
                'day' => $day->day,
            ]);

        if ($response->failed()) {
            $this->error("Razorpay returned {$response->status()}");

            return self::FAILURE;
        }

        foreach ($response->json('items', []) as $item) {
            Settlement::updateOrCreate(
                ['entity_id' => $item['entity_id']],
                ['settlement_id' => $item['settlement_id'], 'amount' => $item['amount'], 'settled_on' => $day],
            );
        }

        $this->info('Synced ' . count($response->json('items', [])) . ' items for ' . $day->toDateString());

        return self::SUCCESS;
    }
}
