import { given } from '@lib/es-core/testing/given-when-then';
import type { CloseAccountByStaff } from './account.commands';
import { accountDecider } from './account.decider';
import type { ClosingCode } from './account.events';
import { closedAs, NOW, placed } from './account.fixtures';
import { STAFF_CLOSING_ROLES } from './close-account-by-staff.decide';

const closedWith = (closingCode: ClosingCode, reason: string) => ({
  type: 'AccountClosed' as const,
  data: { accountId: 'acc-1', clientId: 'client-1', closingCode, closedAt: NOW.toISOString(), reason },
});

describe('the agency cancels and returns an account', () => {
  const cancel = { type: 'CancelAccount' as const, reason: 'conflict of interest', now: NOW };

  it('closes it as cancelled with the reason', () => given(accountDecider, [placed]).when(cancel).then([closedWith('cancelled', 'conflict of interest')]));

  it('account-closed: an account already closed', () => given(accountDecider, [placed, closedAs('recalled')]).when(cancel).thenRejects('account-closed'));

  it('account-unknown: an account never placed', () => given(accountDecider).when(cancel).thenRejects('account-unknown'));
});

describe('staff close an account with a code', () => {
  const close = (closingCode: ClosingCode, role = 'supervisor'): CloseAccountByStaff => ({
    type: 'CloseAccountByStaff',
    closingCode,
    reason: 'file reviewed',
    requester: { role, id: 'staff-1' },
    now: NOW,
  });

  it.each(Object.entries(STAFF_CLOSING_ROLES).flatMap(([code, roles]) => (roles ?? []).map((role): [ClosingCode, string] => [code as ClosingCode, role])))('closes as %s for a %s', (code, role) =>
    given(accountDecider, [placed]).when(close(code, role)).then([closedWith(code, 'file reviewed')]));

  it('reaches every closing code but the three with a command of their own', () =>
    expect(Object.keys(STAFF_CLOSING_ROLES).sort()).toEqual(['bankrupt', 'deceased', 'disputed-upheld', 'legal-closed', 'settled', 'skip-failed', 'time-barred', 'uncollectible']));

  it('closing-code-role: a legal coordinator may not write an account off as uncollectible', () =>
    given(accountDecider, [placed]).when(close('uncollectible', 'legal')).thenRejects('closing-code-role'));

  it.each(['paid-in-full', 'recalled', 'cancelled'] as const)('closing-code-has-own-command: %s has its own command or process', (code) =>
    given(accountDecider, [placed]).when(close(code)).thenRejects('closing-code-has-own-command'));

  it('account-closed: an account already closed', () => given(accountDecider, [placed, closedAs('paid-in-full')]).when(close('uncollectible')).thenRejects('account-closed'));

  it('account-unknown: an account never placed', () => given(accountDecider).when(close('deceased')).thenRejects('account-unknown'));
});
