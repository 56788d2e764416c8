import { Command } from '@nestjs/cqrs';

export interface WebhookReceipt {
  received: true;
  paymentId: string | null;
}

/** A payment provider's signed webhook (Stripe: checkout.session.completed / async_payment_succeeded). */
export class ReceiveProviderWebhook extends Command<WebhookReceipt> {
  constructor(
    readonly rawBody: Buffer,
    readonly headers: Record<string, string | undefined>,
  ) {
    super();
  }
}
