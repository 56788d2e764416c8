import { PaymentPosted, PaymentPostedV2, PaymentReversedV2 } from '@lib/contracts';
import type { ProjectedEvent } from '@lib/read-models';

/**
 * Money that entered trust for a client in one currency, as payments has published it
 * (minor units). `payableToClient` is the clients' share (applied minus commission),
 * `commission` the agency's fee, `creditsOwed` over-payments owed back to payers; each net
 * of reversals. `trustIn` = received − reversed = payable + commission + credits owed.
 */
export interface TrustFigures {
  received: number;
  reversed: number;
  trustIn: number;
  payableToClient: number;
  commission: number;
  creditsOwed: number;
  payments: number;
  reversals: number;
}

export const ZERO_TRUST: TrustFigures = { received: 0, reversed: 0, trustIn: 0, payableToClient: 0, commission: 0, creditsOwed: 0, payments: 0, reversals: 0 };

export function plusTrust(a: TrustFigures, b: TrustFigures): TrustFigures {
  return {
    received: a.received + b.received,
    reversed: a.reversed + b.reversed,
    trustIn: a.trustIn + b.trustIn,
    payableToClient: a.payableToClient + b.payableToClient,
    commission: a.commission + b.commission,
    creditsOwed: a.creditsOwed + b.creditsOwed,
    payments: a.payments + b.payments,
    reversals: a.reversals + b.reversals,
  };
}

/** What a payment or a reversal adds to its currency's trust figures. */
export function trustChangeOf(event: ProjectedEvent): TrustFigures {
  if (event.type === PaymentPosted.type) {
    const payment = event.data as PaymentPostedV2;
    const share = payment.amount - payment.credit - payment.commission;
    return { ...ZERO_TRUST, received: payment.amount, trustIn: payment.amount, payableToClient: share, commission: payment.commission, creditsOwed: payment.credit, payments: 1 };
  }
  const reversal = event.data as PaymentReversedV2;
  // A v1 reversal does not say which part was credit: taken as none, the rest as the client's share.
  const credit = reversal.credit ?? 0;
  const share = reversal.amount - credit - reversal.commission;
  return { ...ZERO_TRUST, reversed: reversal.amount, trustIn: -reversal.amount, payableToClient: -share, commission: -reversal.commission, creditsOwed: -credit, reversals: 1 };
}

/** `byCurrency` with `event`'s change added to its currency. */
export function withTrustChange(byCurrency: Record<string, TrustFigures>, event: ProjectedEvent): Record<string, TrustFigures> {
  const currency = event.data.currency as string;
  return { ...byCurrency, [currency]: plusTrust(byCurrency[currency] ?? ZERO_TRUST, trustChangeOf(event)) };
}

