import { given } from '@lib/es-core/testing/given-when-then';
import { accountDecider } from './account.decider';
import type { ActiveAccount } from './account.state';
import { closedPaid, NOW, placed } from './account.fixtures';
import { decideCloseTimeBarredAccount } from './close-time-barred-account.decide';

describe('closing a time-barred account', () => {
  const barred = { type: 'CloseTimeBarredAccount' as const, expiredOn: '2026-01-10', reason: '3 years (Kan. Stat. Ann. § 60-512(1), open-account) from 2023-01-10', now: NOW };
  const activeWith = (flags: { planActive?: boolean; disputeOpen?: boolean }): ActiveAccount => {
    const state = [placed].reduce(accountDecider.evolve, accountDecider.initialState()) as ActiveAccount;
    return { ...state, standing: { ...state.standing, ...flags } };
  };

  it('closes an active account as time-barred, with the period in its reason', () =>
    given(accountDecider, [placed])
      .when(barred)
      .then([{ type: 'AccountClosed', data: { accountId: 'acc-1', clientId: 'client-1', closingCode: 'time-barred', closedAt: NOW.toISOString(), reason: `statute of limitations: ${barred.reason}` } }]));

  it('leaves a closed account as it closed', () => given(accountDecider, [placed, closedPaid]).when(barred).then([]));

  it('holds the closing while a payment plan is active or a dispute is open, naming both', () => {
    expect(decideCloseTimeBarredAccount(barred, activeWith({ planActive: true, disputeOpen: true }))).toMatchObject({
      kind: 'rejection',
      rule: 'time-barred-closing-held',
      reason: 'time-barred since 2026-01-10, but a payment plan is active and a dispute is open: close it by hand when done',
    });
  });

  it('refuses an account it never placed', () => given(accountDecider).when(barred).thenRejects('account-unknown'));
});
