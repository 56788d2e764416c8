import { Inject, Injectable, Logger } from '@nestjs/common';
import { aggregateStream } from '@lib/es-core';
import { SERVICE_DEPENDENCIES } from '@lib/platform';
import { portalAccessDecider } from '../../domain/access/portal-access.decider';
import { portalStreamId } from '../../domain/access/portal-access.events';
import { isRefusal, PortalDependencies, ProviderPayment, Refusal } from '../../portal.dependencies';
import { PortalAccess } from './portal-access';

/**
 * A provider's confirmed payment, posted to payments exactly once: the provider reference
 * is the causation (idempotency) key of payments' PostPayment, so a repeated webhook, a
 * retry after a crash, or two deliveries at once all find the first payment; the portal
 * trail then records it once (PortalPaymentConfirmed, deduped by the same key).
 */
@Injectable()
export class PaymentConfirmation {
  private readonly logger = new Logger('PortalPayments');

  constructor(
    @Inject(SERVICE_DEPENDENCIES) private readonly deps: PortalDependencies,
    private readonly access: PortalAccess,
  ) {}

  async confirm(payment: ProviderPayment): Promise<{ paymentId: string } | Refusal> {
    const { state } = await aggregateStream(this.deps.eventStore, portalAccessDecider, portalStreamId(payment.accountId));
    const known = state.confirmed[payment.providerReference];
    if (known) return { paymentId: known };
    const posted = await this.deps.accounts.postPayment(payment);
    if (isRefusal(posted)) {
      // The provider holds the debtor's money and payments refused it (the account was paid off or closed meanwhile): staff must refund it.
      this.logger.error({ msg: 'a provider payment was refused by payments', providerReference: payment.providerReference, accountId: payment.accountId, rule: posted.refused });
      return posted;
    }
    await this.access.record({ type: 'ConfirmPayment', ...payment, paymentId: posted.paymentId, now: this.deps.clock.now() }, `portal-payment:${payment.providerReference}`);
    return { paymentId: posted.paymentId };
  }
}
