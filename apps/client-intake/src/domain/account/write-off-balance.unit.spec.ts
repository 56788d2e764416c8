import { given } from '@lib/es-core/testing/given-when-then';
import { accountDecider } from './account.decider';
import { closedAs, NOW, paymentNoted, placed } from './account.fixtures';
import type { WriteOffBalance } from './account.commands';

const partial: WriteOffBalance = { type: 'WriteOffBalance', writeOffId: 'wo-1', writeOff: 50_000, full: false, currency: 'USD', reason: 'small-balance', now: NOW };
const adjusted = (amount: number) => ({
  type: 'BalanceAdjusted' as const,
  data: { accountId: 'acc-1', clientId: 'client-1', adjustmentId: 'write-off-wo-1', amount: -amount, currency: 'USD', reason: `write-off wo-1 approved (small-balance): ${amount} USD written off`, adjustedBy: { role: 'system', id: 'debtor-contact' }, adjustedAt: NOW.toISOString(), kind: 'write-off' as const },
});

describe('an approved write-off', () => {
  it('of part of the balance only lowers it', () => given(accountDecider, [placed]).when(partial).then([adjusted(50_000)]));

  it('of the whole balance writes off what is owed and closes the account as written-off in one decision', () =>
    given(accountDecider, [placed, paymentNoted({ amount: 300_000, balanceAfter: 200_000 })]).when({ ...partial, full: true, writeOff: 250_000 }).then([
      adjusted(200_000),
      { type: 'AccountClosed', data: { accountId: 'acc-1', clientId: 'client-1', closingCode: 'written-off', closedAt: NOW.toISOString(), reason: adjusted(200_000).data.reason } },
    ]));

  it('that reaches the balance closes the account too, never writing off more than is owed', () => {
    const { decision } = given(accountDecider, [placed, paymentNoted({ amount: 460_000, balanceAfter: 40_000 })]).when(partial);
    expect(decision).toMatchObject([{ type: 'BalanceAdjusted', data: { amount: -40_000 } }, { type: 'AccountClosed', data: { closingCode: 'written-off' } }]);
  });

  it('leaves a closed account as it is and refuses another currency', () => {
    given(accountDecider, [placed, closedAs('settled')]).when(partial).then([]);
    given(accountDecider, [placed]).when({ ...partial, currency: 'EUR' }).thenRejects('currency-mismatch');
  });
});
