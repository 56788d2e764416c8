import { given } from '@lib/es-core/testing/given-when-then';
import { accountDecider } from './account.decider';
import { closedAs, closedPaid, NOW, placed, reopened } from './account.fixtures';

describe('reopening after a reversal', () => {
  const reversal = { type: 'ReopenAfterReversal' as const, paymentId: 'pay-1', balanceAfter: 500_000, now: NOW };

  it('reopens an account closed as paid in full when the reversal leaves a balance', () =>
    given(accountDecider, [placed, closedPaid]).when(reversal).then([reopened()]));

  it('reopens an account closed as settled when a payment of the settlement bounces: the settlement is no longer paid', () => {
    const { decision } = given(accountDecider, [placed, closedAs('settled')]).when(reversal);
    expect(decision).toEqual([{ ...reopened(), data: { ...reopened().data, previousClosingCode: 'settled' } }]);
  });

  it('leaves an active account alone (a reversal before the payoff reopens nothing)', () => given(accountDecider, [placed]).when(reversal).then([]));

  it('leaves an account closed for another reason closed', () => given(accountDecider, [placed, closedAs('recalled')]).when(reversal).then([]));

  it('reopens nothing when no balance is owed again', () => given(accountDecider, [placed, closedPaid]).when({ ...reversal, balanceAfter: 0 }).then([]));

  it('does nothing on a redelivery once reopened', () => given(accountDecider, [placed, closedPaid, reopened()]).when(reversal).then([]));

  it('reopens again after the reopened balance was paid off and another payment bounced', () =>
    given(accountDecider, [placed, closedPaid, reopened(), closedPaid]).when({ ...reversal, paymentId: 'pay-2' }).then([reopened('pay-2')]));

  it('refuses an account it never placed', () => given(accountDecider, []).when(reversal).thenRejects('account-unknown'));
});
