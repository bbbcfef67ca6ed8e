import { HttpService } from '@nestjs/axios';
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { firstValueFrom } from 'rxjs';
import { CreatePayoutDto } from './dto/create-payout.dto';

@Injectable()
export class PayoutsService {
  private readonly logger = new Logger(PayoutsService.name);
  private readonly base = 'https://api.razorpay.com/v1';

  constructor(
    private readonly http: HttpService,
    private readonly config: ConfigService,
  ) {}

  private get auth() {
    return {
      username: this.config.getOrThrow<string>('RAZORPAYX_KEY_ID'),
      password: this.config.getOrThrow<string>('RAZORPAYX_KEY_SECRET'),
    };
  }

  async create(dto: CreatePayoutDto) {
    const { data } = await firstValueFrom(
      this.http.post(`${this.base}/payouts`, dto, {
        auth: this.auth,
        headers: { 'X-Payout-Idempotency': dto.idempotencyKey },
      }),
    );
    this.logger.log(`payout ${data.id} created (${data.status})`);
    return data;
  }

  async status(id: string) {
    const keyId = this.config.getOrThrow<string>('RAZORPAYX_KEY_ID');
    const keySecret = this.config.getOrThrow<string>('RAZORPAYX_KEY_SECRET');
    const token = Buffer.from(`${keyId}:${keySecret}`).toString('base64');
    const { data } = await firstValueFrom(
      this.http.get(`${this.base}/payouts/${id}`, { headers: { Authorization: `Basic  ${token}` } }),
    );
    return data;
  }

  /** Partner OAuth: list the sub-merchant's accounts with its access token. */
  async partnerAccounts(accessToken: string) {
    const { data } = await firstValueFrom(
      this.http.get(`${this.base}/accounts`, { headers: { Authorization: `BEARER ${accessToken}` } }),
    );
    return data;
  }
}
