import { BadRequestException, Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { SERVICE_DEPENDENCIES } from '@lib/platform';
import { isRefusal, PortalDependencies, WebhookSignatureInvalid } from '../../portal.dependencies';
import { PaymentConfirmation } from '../shared/payment-confirmation';
import { ReceiveProviderWebhook, WebhookReceipt } from './receive-provider-webhook.command';

@CommandHandler(ReceiveProviderWebhook)
export class ReceiveProviderWebhookHandler implements ICommandHandler<ReceiveProviderWebhook> {
  constructor(
    @Inject(SERVICE_DEPENDENCIES) private readonly deps: PortalDependencies,
    private readonly payments: PaymentConfirmation,
  ) {}

  async execute({ rawBody, headers }: ReceiveProviderWebhook): Promise<WebhookReceipt> {
    let payment;
    try {
      payment = this.deps.provider.readWebhook(rawBody, headers);
    } catch (error) {
      if (error instanceof WebhookSignatureInvalid) throw new BadRequestException(`webhook signature refused: ${error.message}`);
      throw error;
    }
    // Events that are no confirmed payment are acknowledged, so the provider stops sending them.
    if (!payment) return { received: true, paymentId: null };
    const confirmed = await this.payments.confirm(payment);
    // A refusal is acknowledged too: sending it again cannot change payments' answer; staff refund it (logged).
    return { received: true, paymentId: isRefusal(confirmed) ? null : confirmed.paymentId };
  }
}
