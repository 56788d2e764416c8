import { given } from '@lib/es-core/testing/given-when-then';
import { contactCaseDecider } from '../contact-case/contact-case.decider';
import { MONDAY_10_NEW_YORK, outboundCall } from '../contact-case/contact-case.fixtures';
import { evolveContactCase, initialContactCaseState } from '../contact-case/contact-case.state';
import type { ContactCaseEvent } from '../contact-case/contact-case.events';
import type { DisputeOpened, DisputeResolved } from '../disputes/dispute.events';
import { holdLifted, holdPlaced, ids } from '../holds/holds.fixtures';
import { consumerOpened, NY_PERSON } from './compliance.fixtures';
import { opened } from '../contact-case/contact-case.fixtures';
import { regFValidationPeriodRule, validationPeriodEndsAt } from './reg-f-validation-period.rule';
import { rulesApplyingTo } from './rule-scope';

/** The validation notice went out on 2025-12-20: the period runs to 2026-01-24; the contacts below are on 2026-01-05. */
const OPENED_AT = '2025-12-20T14:00:00.000Z';
const consumerCase = () => ({ ...consumerOpened(), data: { ...consumerOpened().data, openedAt: OPENED_AT } });

const disputed = (overrides: Partial<DisputeOpened['data']> = {}): DisputeOpened => ({
  type: 'DisputeOpened',
  data: { ...ids, disputeId: 'd-1', holdId: 'hold-d1', openedBy: 'debtor', invoices: [{ invoiceNumber: 'INV-1', amount: 250_000 }], amount: 250_000, currency: 'USD', reason: 'never ordered these', openedAt: '2026-01-02T16:00:00.000Z', written: true, ...overrides },
});
const itsHold = (invoices: string[] = ['INV-1']) => holdPlaced({ holdId: 'hold-d1', kind: 'dispute', disputeId: 'd-1', reason: 'disputed by the debtor', placedAt: '2026-01-02T16:00:00.000Z', ...(invoices.length ? { invoices } : {}) });
const verified: DisputeResolved = { type: 'DisputeResolved', data: { ...ids, disputeId: 'd-1', outcome: 'rejected', amount: 0, currency: 'USD', evidence: 'signed delivery notes', resolvedAt: '2026-01-04T12:00:00.000Z' } };

const caseAfter = (events: ContactCaseEvent[]) => {
  const state = events.reduce(evolveContactCase, initialContactCaseState());
  if (state.status === 'none') throw new Error('no case');
  return state;
};
const letter = { channel: 'letter' as const, direction: 'outbound' as const, now: MONDAY_10_NEW_YORK };
const reason = 'the debtor disputed the debt in writing on 2026-01-02, within the validation period (until 2026-01-24): collection waits for verification (dispute d-1 resolved)';

describe('reg-f-validation-period v1', () => {
  it('the validation period ends 35 days after the validation notice (30 days from receipt, receipt 5 days after mailing)', () =>
    expect(validationPeriodEndsAt(OPENED_AT).toISOString()).toBe('2026-01-24T14:00:00.000Z'));

  it('a written dispute within the validation period stops every outbound contact, letters included', () =>
    expect(regFValidationPeriodRule.judge(letter, caseAfter([consumerCase(), disputed(), itsHold()]))).toEqual({ decision: 'deny', reason }));

  it('a collector calling after a timely written dispute of one invoice is refused with the rule, and the refusal recorded', () =>
    given(contactCaseDecider, [consumerCase(), disputed(), itsHold()])
      .when(outboundCall())
      .thenRejects('reg-f-validation-period', [{ type: 'ContactAttemptRefused', data: { ...ids, rule: 'reg-f-validation-period', version: 1, channel: 'call', reason } }]));

  it('a timely written dispute of the whole account is refused as reg-f-validation-period, the legal reason, before the agency own dispute hold', () =>
    given(contactCaseDecider, [consumerCase(), disputed({ invoices: [], amount: 750_050 }), itsHold([])])
      .when(outboundCall())
      .thenRejects('reg-f-validation-period'));

  it('collection resumes once the dispute is resolved (verification sent)', () =>
    expect(regFValidationPeriodRule.judge(letter, caseAfter([consumerCase(), disputed(), itsHold(), verified, holdLifted({ holdId: 'hold-d1', kind: 'dispute' })])).decision).toBe('allow'));

  it('a dispute made only orally does not trigger the validation pause', () =>
    expect(regFValidationPeriodRule.judge(letter, caseAfter([consumerCase(), disputed({ written: undefined }), itsHold()])).decision).toBe('allow'));

  it('a written dispute recorded after the validation period ended does not trigger it', () =>
    expect(regFValidationPeriodRule.judge(letter, caseAfter([consumerCase(), disputed({ openedAt: '2026-01-24T14:00:00.001Z' }), itsHold()])).decision).toBe('allow'));

  it("a client's own dispute is not the debtor's and does not trigger it", () =>
    expect(regFValidationPeriodRule.judge(letter, caseAfter([consumerCase(), disputed({ openedBy: 'client' }), itsHold()])).decision).toBe('allow'));

  it('the debtor calling in about the dispute is heard', () =>
    expect(regFValidationPeriodRule.judge({ ...letter, channel: 'call', direction: 'inbound' }, caseAfter([consumerCase(), disputed(), itsHold()])).decision).toBe('allow'));

  it('applies to consumer accounts only: a commercial account is not judged by it', () => {
    const commercial = opened(NY_PERSON, { commercial: true });
    expect(rulesApplyingTo([regFValidationPeriodRule], commercial.data)).toEqual([]);
    expect(rulesApplyingTo([regFValidationPeriodRule], consumerCase().data)).toEqual([regFValidationPeriodRule]);
  });

  it('an allowed contact on a consumer account lists the rule in its ledger', () => {
    const { decision } = given(contactCaseDecider, [consumerCase()]).when(outboundCall());
    expect(decision).toEqual([expect.objectContaining({ type: 'ContactAttemptRecorded', data: expect.objectContaining({ compliance: expect.arrayContaining([{ rule: 'reg-f-validation-period', version: 1, decision: 'allow' }]) }) })]);
  });
});
