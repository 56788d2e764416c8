import { given } from '@lib/es-core/testing/given-when-then';
import { contactCaseDecider } from '../contact-case/contact-case.decider';
import { MONDAY_10_NEW_YORK, opened, outboundCall } from '../contact-case/contact-case.fixtures';
import { evolveContactCase, initialContactCaseState } from '../contact-case/contact-case.state';
import type { ContactCaseEvent } from '../contact-case/contact-case.events';
import { holdLifted, holdPlaced, ids } from '../holds/holds.fixtures';
import { disputeHoldRule } from './dispute-hold.rule';

const caseAfter = (events: ContactCaseEvent[]) => {
  const state = events.reduce(evolveContactCase, initialContactCaseState());
  if (state.status === 'none') throw new Error('no case');
  return state;
};
const letter = { channel: 'letter' as const, direction: 'outbound' as const, now: MONDAY_10_NEW_YORK };
const wholeDispute = holdPlaced({ holdId: 'hold-d1', kind: 'dispute', disputeId: 'd-1', reason: 'disputed by the debtor' });
const reason = "the whole debt is disputed (dispute d-1): collection waits for the dispute's resolution";

describe('dispute-hold v1', () => {
  it('refuses outbound contact while the whole account is disputed', () => expect(disputeHoldRule.judge(letter, caseAfter([opened(), wholeDispute]))).toEqual({ decision: 'deny', reason }));

  it('allows contact about the rest while only listed invoices are disputed', () =>
    expect(disputeHoldRule.judge(letter, caseAfter([opened(), holdPlaced({ kind: 'dispute', disputeId: 'd-1', invoices: ['INV-1'] })])).decision).toBe('allow'));

  it('allows contact again once the dispute is resolved (its hold lifted)', () =>
    expect(disputeHoldRule.judge(letter, caseAfter([opened(), wholeDispute, holdLifted({ holdId: 'hold-d1', kind: 'dispute' })])).decision).toBe('allow'));

  it('hears the debtor who calls in about the dispute', () => expect(disputeHoldRule.judge({ ...letter, channel: 'call', direction: 'inbound' }, caseAfter([opened(), wholeDispute])).decision).toBe('allow'));

  it('a collector calling about a disputed debt is refused and the refusal recorded', () =>
    given(contactCaseDecider, [opened(), wholeDispute])
      .when(outboundCall())
      .thenRejects('dispute-hold', [{ type: 'ContactAttemptRefused', data: { ...ids, rule: 'dispute-hold', version: 1, channel: 'call', reason } }]));
});
