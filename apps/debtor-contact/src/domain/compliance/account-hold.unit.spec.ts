import { given } from '@lib/es-core/testing/given-when-then';
import { contactCaseDecider } from '../contact-case/contact-case.decider';
import { MONDAY_10_NEW_YORK, opened, outboundCall } from '../contact-case/contact-case.fixtures';
import { evolveContactCase, initialContactCaseState } from '../contact-case/contact-case.state';
import type { ContactCaseEvent } from '../contact-case/contact-case.events';
import { holdLifted, holdPlaced, ids } from '../holds/holds.fixtures';
import { accountHoldRule } from './account-hold.rule';

const caseAfter = (events: ContactCaseEvent[]) => {
  const state = events.reduce(evolveContactCase, initialContactCaseState());
  if (state.status === 'none') throw new Error('no case');
  return state;
};
const emailAt = (at: string) => ({ channel: 'email' as const, direction: 'outbound' as const, now: new Date(at) });
const untilFebruary = holdPlaced({ endsAt: '2026-02-01T00:00:00.000Z' });

describe('account-hold v1', () => {
  it('refuses outbound contact during a client hold, saying until when', () =>
    expect(accountHoldRule.judge(emailAt('2026-01-20T12:00:00Z'), caseAfter([opened(), untilFebruary]))).toEqual({
      decision: 'deny',
      reason: 'the account is on a client-hold hold until 2026-02-01T00:00:00.000Z (client reviewing the account)',
    }));

  it('allows contact from the moment the end date passes, lifted on record or not', () =>
    expect(accountHoldRule.judge(emailAt('2026-02-01T00:00:00Z'), caseAfter([opened(), untilFebruary])).decision).toBe('allow'));

  it('allows contact once the hold is lifted', () => expect(accountHoldRule.judge(emailAt('2026-01-20T12:00:00Z'), caseAfter([opened(), untilFebruary, holdLifted()])).decision).toBe('allow'));

  it('refuses contact while the debtor is reported deceased or the account is in skip', () => {
    for (const kind of ['deceased', 'skip'] as const) expect(accountHoldRule.judge(emailAt('2026-01-20T12:00:00Z'), caseAfter([opened(), holdPlaced({ kind })])).decision).toBe('deny');
  });

  it('leaves bankruptcy and dispute holds to their own rules', () => {
    for (const kind of ['bankruptcy', 'dispute'] as const) expect(accountHoldRule.judge(emailAt('2026-01-20T12:00:00Z'), caseAfter([opened(), holdPlaced({ kind })])).decision).toBe('allow');
  });

  it('hears the debtor who calls in', () =>
    expect(accountHoldRule.judge({ ...emailAt('2026-01-20T12:00:00Z'), channel: 'call', direction: 'inbound' }, caseAfter([opened(), holdPlaced()])).decision).toBe('allow'));

  it('a collector calling an account on hold is refused and the refusal recorded', () =>
    given(contactCaseDecider, [opened(), holdPlaced()])
      .when(outboundCall({ now: MONDAY_10_NEW_YORK }))
      .thenRejects('account-hold', [{ type: 'ContactAttemptRefused', data: { ...ids, rule: 'account-hold', version: 1, channel: 'call', reason: 'the account is on a client-hold hold until lifted (client reviewing the account)' } }]));
});
