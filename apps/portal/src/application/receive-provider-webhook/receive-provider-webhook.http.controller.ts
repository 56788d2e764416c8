import { Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@lib/platform';
import { RawBody } from '../shared/portal-page';
import { ReceiveProviderWebhook, WebhookReceipt } from './receive-provider-webhook.command';

export const STRIPE_WEBHOOK_PATH = '/portal/webhooks/stripe';

/**
 * Stripe's webhook: public, guarded by its signature (Stripe-Signature over the raw body).
 * The provider's API, not ours, so not in the OpenAPI document. Mounted only with PAYMENT_PROVIDER=stripe.
 */
@ApiExcludeController()
@Public()
@Controller('portal/webhooks')
export class ReceiveProviderWebhookController {
  constructor(private readonly commands: CommandBus) {}

  @Post('stripe')
  @HttpCode(200)
  receive(@RawBody() rawBody: Buffer, @Headers() headers: Record<string, string | undefined>): Promise<WebhookReceipt> {
    return this.commands.execute(new ReceiveProviderWebhook(rawBody, headers));
  }
}
