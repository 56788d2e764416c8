import type { EventUpcasters } from '@lib/es-core';
import type { PaymentPosted } from './ledger.events';
import type { PaymentPostedV1 } from './ledger.events.v1';

/**
 * `PaymentPosted` (v1) -> `PaymentPosted.v2`: the rate is renamed `commissionRateBp`, the
 * name the ledger's opening and the published contract use. Nothing is defaulted: a v1
 * event already carries every fact v2 has (method, rate, allocations, credit), under one
 * other name.
 */
export function paymentPostedV1ToV2(event: PaymentPostedV1): PaymentPosted {
  const { rateBp, ...rest } = event.data;
  return { type: 'PaymentPosted.v2', data: { ...rest, commissionRateBp: rateBp } };
}

/** What the ledger's stream may hold in an older shape, by stored type name. */
export const ledgerUpcasters: EventUpcasters = {
  PaymentPosted: (event) => paymentPostedV1ToV2(event as PaymentPostedV1),
};
