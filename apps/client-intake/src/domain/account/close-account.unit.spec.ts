import { given } from '@lib/es-core/testing/given-when-then';
import { accountDecider } from './account.decider';
import { closedAs, closedPaid, NOW, placed, reopened } from './account.fixtures';

describe('closing an account', () => {
  const close = { type: 'CloseAccount' as const, closingCode: 'paid-in-full' as const, now: NOW };

  it('closes an active account with its closing code', () => given(accountDecider, [placed]).when(close).then([closedPaid]));

  it('does nothing when the account is already closed (a redelivered "paid" is harmless)', () =>
    given(accountDecider, [placed, closedPaid]).when(close).then([]));

  it('does not overwrite the reason of an earlier closure', () => given(accountDecider, [placed, closedAs('recalled')]).when(close).then([]));

  it('closes a reopened account again when its balance is paid off', () => given(accountDecider, [placed, closedPaid, reopened()]).when(close).then([closedPaid]));

  it('refuses an account it never placed', () => given(accountDecider).when(close).thenRejects('account-unknown'));
});
