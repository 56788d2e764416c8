import { Decision, reject } from '@lib/es-core';
import type { ReopenAfterReversal } from './account.commands';
import type { AccountEvent } from './account.events';
import type { AccountState } from './account.state';

/**
 * A payment that bounced after the account closed as paid in full, or as settled (the
 * settlement is then no longer paid: docs/debtor-contact.md, "Settlements"), leaves a
 * balance again, so the account is worked again. Only those closures are undone: an
 * account the client recalled, or closed for any other reason, stays closed whatever its
 * ledger says.
 */
const REOPENED_BY_REVERSAL: readonly (string | null)[] = ['paid-in-full', 'settled'];

export function decideReopenAfterReversal(command: ReopenAfterReversal, state: AccountState): Decision<AccountEvent> {
  if (state.status === 'none') return reject('account-unknown', 'no such account');
  if (state.status !== 'closed' || !REOPENED_BY_REVERSAL.includes(state.closingCode) || command.balanceAfter <= 0) return [];
  return [
    {
      type: 'AccountReopened',
      data: {
        accountId: state.placement.accountId,
        clientId: state.placement.clientId,
        previousClosingCode: state.closingCode,
        reason: 'payment-reversed',
        paymentId: command.paymentId,
        balance: command.balanceAfter,
        reopenedAt: command.now.toISOString(),
      },
    },
  ];
}
