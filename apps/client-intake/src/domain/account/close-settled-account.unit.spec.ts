import { given } from '@lib/es-core/testing/given-when-then';
import { accountDecider } from './account.decider';
import type { CloseSettledAccount } from './account.commands';
import { closedAs, NOW, paymentNoted, placed } from './account.fixtures';

const paid: CloseSettledAccount = { type: 'CloseSettledAccount', settlementId: 'set-1', amount: 300_000, paid: 300_000, currency: 'USD', writeOff: 200_000, now: NOW };
const reason = 'settlement set-1 paid (300000 of 300000 USD): the rest written off';

describe('a paid settlement', () => {
  it('writes the rest off as a settlement write-off and closes the account as settled in one decision', () =>
    given(accountDecider, [placed, paymentNoted({ amount: 300_000, balanceAfter: 200_000 })]).when(paid).then([
      { type: 'BalanceAdjusted', data: { accountId: 'acc-1', clientId: 'client-1', adjustmentId: 'settlement-set-1', amount: -200_000, currency: 'USD', reason, adjustedBy: { role: 'system', id: 'debtor-contact' }, adjustedAt: NOW.toISOString(), kind: 'settlement-write-off' } },
      { type: 'AccountClosed', data: { accountId: 'acc-1', clientId: 'client-1', closingCode: 'settled', closedAt: NOW.toISOString(), reason } },
    ]));

  it('never writes off more than intake knows is owed, and closes without a write-off when nothing is left', () => {
    const { decision } = given(accountDecider, [placed, paymentNoted({ amount: 400_000, balanceAfter: 100_000 })]).when(paid);
    expect(decision).toMatchObject([{ type: 'BalanceAdjusted', data: { amount: -100_000 } }, { type: 'AccountClosed' }]);
    const { decision: nothingLeft } = given(accountDecider, [placed, paymentNoted({ amount: 500_000, balanceAfter: 0 })]).when(paid);
    expect(nothingLeft).toMatchObject([{ type: 'AccountClosed', data: { closingCode: 'settled' } }]);
  });

  it('leaves a closed account as it is and refuses another currency', () => {
    given(accountDecider, [placed, closedAs('settled')]).when(paid).then([]);
    given(accountDecider, [placed]).when({ ...paid, currency: 'EUR' }).thenRejects('currency-mismatch');
  });
});
