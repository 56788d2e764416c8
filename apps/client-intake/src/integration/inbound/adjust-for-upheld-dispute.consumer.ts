import { DisputeResolved } from '@lib/contracts';
import { commandOn } from '@lib/integration';
import { AdjustBalance } from '../../application/adjust-balance/adjust-balance.command';

/**
 * Debtor contact upheld a dispute: the amount comes off the balance as an adjustment
 * (published, so payments follows, as for a client's credit note). A rejected dispute
 * changes nothing here.
 */
export const adjustForUpheldDispute = commandOn(DisputeResolved, (data, context) =>
  data.outcome === 'upheld' && data.amount > 0
    ? new AdjustBalance(data.accountId, { amount: -data.amount, currency: data.currency, reason: `dispute ${data.disputeId} upheld: ${data.evidence}` }, context)
    : undefined,
);
