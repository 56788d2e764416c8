import { given } from '@lib/es-core/testing/given-when-then';
import type { LegalMilestone, RecordLegalMilestone } from './referral.commands';
import { referralDecider } from './referral.decider';
import type { ReferralEvent } from './referral.events';
import { approved, authorized, caseAfter, closedOn, daysAfterPlacement, forwardedToPanel, opened, pendingApproval } from './referral.fixtures';

const at = (day: number) => daysAfterPlacement(day);
const byLegal = (milestone: LegalMilestone, day = 60): RecordLegalMilestone => ({ type: 'RecordLegalMilestone', milestone, reportedByAttorney: null, now: at(day) });
const byAttorney = (attorneyId: string, milestone: LegalMilestone, day = 60): RecordLegalMilestone => ({ ...byLegal(milestone, day), reportedByAttorney: attorneyId });

const base = { accountId: 'acc-1', clientId: 'client-1', attorneyId: 'att-ny-014', balance: 750_050, currency: 'USD' };
const acknowledged: ReferralEvent = { type: 'AttorneyAcknowledged', data: { ...base, acknowledgedAt: at(52).toISOString() } };
const suitFiled: ReferralEvent = { type: 'SuitFiled', data: { ...base, court: 'NY Supreme Court, New York County', caseNumber: '651234/2026', filedAt: at(60).toISOString(), suitFee: 25_000, courtCosts: 40_500 } };
const served: ReferralEvent = { type: 'DebtorServed', data: { ...base, servedAt: at(70).toISOString() } };
const defaulted: ReferralEvent = { type: 'AnswerOrDefaultRecorded', data: { ...base, response: 'defaulted', recordedAt: at(95).toISOString() } };
const judgment: ReferralEvent = { type: 'JudgmentEntered', data: { ...base, amount: 750_050, interest: 41_000, costs: 35_000, enteredAt: at(120).toISOString(), court: 'NY Supreme Court, New York County', caseNumber: '651234/2026' } };
const levy: ReferralEvent = { type: 'EnforcementStarted', data: { ...base, method: 'bank-levy', startedAt: at(130).toISOString() } };
const closedFile: ReferralEvent = { type: 'LegalFileClosed', data: { ...base, outcome: 'paid-in-full', closedAt: at(150).toISOString() } };

/** A case recommended, approved, authorized and forwarded to the panel attorney att-ny-014 on day 50. */
const forwardedCase: ReferralEvent[] = [opened(), pendingApproval(), approved(), authorized(), forwardedToPanel()];

describe("recording the receiving attorney's milestones", () => {
  it('records that the attorney acknowledged the forwarded file', () => {
    given(referralDecider, forwardedCase).when(byLegal({ kind: 'acknowledged' }, 52)).then([acknowledged]);
  });

  it("records the suit filed, with its court, case number and what it costs the client (the attorney's suit fee, the court costs reported), once the attorney acknowledged the file", () => {
    given(referralDecider, [...forwardedCase, acknowledged])
      .when(byLegal({ kind: 'suit-filed', court: 'NY Supreme Court, New York County', caseNumber: '651234/2026', courtCosts: 40_500 }, 60))
      .then([suitFiled]);
  });

  it('refuses a suit filed with negative court costs', () => {
    given(referralDecider, [...forwardedCase, acknowledged]).when(byLegal({ kind: 'suit-filed', court: 'c', caseNumber: 'n', courtCosts: -1 })).thenRejects('milestone-amount-invalid');
  });

  it('refuses a suit filed before the attorney acknowledged the file, naming what it follows', () => {
    const { decision } = given(referralDecider, forwardedCase).when(byLegal({ kind: 'suit-filed', court: 'c', caseNumber: 'n', courtCosts: 0 }));
    expect(decision).toMatchObject({ rule: 'milestone-out-of-order', reason: 'suit-filed cannot follow forwarded: it follows acknowledged' });
  });

  it('records the debtor served once the suit is filed, and not before', () => {
    given(referralDecider, [...forwardedCase, acknowledged, suitFiled]).when(byLegal({ kind: 'served' }, 70)).then([served]);
    given(referralDecider, [...forwardedCase, acknowledged]).when(byLegal({ kind: 'served' })).thenRejects('milestone-out-of-order');
  });

  it("records the debtor's answer or its default once served, and not before", () => {
    given(referralDecider, [...forwardedCase, acknowledged, suitFiled, served]).when(byLegal({ kind: 'answer-or-default', response: 'defaulted' }, 95)).then([defaulted]);
    given(referralDecider, [...forwardedCase, acknowledged, suitFiled]).when(byLegal({ kind: 'answer-or-default', response: 'answered' })).thenRejects('milestone-out-of-order');
  });

  it('records the judgment with its amount, interest and costs, citing the suit, once the debtor answered or defaulted, and not before', () => {
    given(referralDecider, [...forwardedCase, acknowledged, suitFiled, served, defaulted])
      .when(byLegal({ kind: 'judgment', amount: 750_050, interest: 41_000, costs: 35_000 }, 120))
      .then([judgment]);
    given(referralDecider, [...forwardedCase, acknowledged, suitFiled, served]).when(byLegal({ kind: 'judgment', amount: 1, interest: 0, costs: 0 })).thenRejects('milestone-out-of-order');
  });

  it('refuses a judgment of no amount or with negative interest', () => {
    const history = [...forwardedCase, acknowledged, suitFiled, served, defaulted];
    given(referralDecider, history).when(byLegal({ kind: 'judgment', amount: 0, interest: 0, costs: 0 })).thenRejects('milestone-amount-invalid');
    given(referralDecider, history).when(byLegal({ kind: 'judgment', amount: 100, interest: -1, costs: 0 })).thenRejects('milestone-amount-invalid');
  });

  it('records enforcement once there is a judgment, and again by another means', () => {
    given(referralDecider, [...forwardedCase, acknowledged, suitFiled, served, defaulted, judgment]).when(byLegal({ kind: 'enforcement', method: 'bank-levy' }, 130)).then([levy]);
    const { decision } = given(referralDecider, [...forwardedCase, acknowledged, suitFiled, served, defaulted, judgment, levy]).when(byLegal({ kind: 'enforcement', method: 'garnishment' }, 140));
    expect(decision).toMatchObject([{ type: 'EnforcementStarted', data: { method: 'garnishment' } }]);
  });

  it('refuses enforcement without a judgment', () => {
    given(referralDecider, [...forwardedCase, acknowledged, suitFiled, served, defaulted]).when(byLegal({ kind: 'enforcement', method: 'lien' })).thenRejects('milestone-out-of-order');
  });

  it('records what the attorney collected, at any step, as a payment to post under its id', () => {
    given(referralDecider, [...forwardedCase, acknowledged, suitFiled, served, defaulted, judgment, levy])
      .when(byLegal({ kind: 'collected', paymentId: 'pay-1', amount: 826_050 }, 140))
      .then([{ type: 'AttorneyCollected', data: { ...base, paymentId: 'pay-1', amount: 826_050, collectedAt: at(140).toISOString() } }]);
    const { decision } = given(referralDecider, forwardedCase).when(byLegal({ kind: 'collected', paymentId: 'pay-2', amount: 100_000 }, 51));
    expect(decision).toMatchObject([{ type: 'AttorneyCollected', data: { amount: 100_000 } }]);
  });

  it('refuses a collection of nothing', () => {
    given(referralDecider, forwardedCase).when(byLegal({ kind: 'collected', paymentId: 'p', amount: 0 })).thenRejects('milestone-amount-invalid');
  });

  it('records the file closed with its outcome, after which nothing more is recorded', () => {
    const history = [...forwardedCase, acknowledged, suitFiled, served, defaulted, judgment, levy];
    given(referralDecider, history).when(byLegal({ kind: 'closed', outcome: 'paid-in-full' }, 150)).then([closedFile]);
    given(referralDecider, [...history, closedFile]).when(byLegal({ kind: 'collected', paymentId: 'p', amount: 5 })).thenRejects('legal-file-closed');
    given(referralDecider, [...history, closedFile]).when(byLegal({ kind: 'recalled', reason: 'client asked' })).thenRejects('legal-file-closed');
  });

  it('recalls the case from the attorney: it is authorized again, without attorney, and may be forwarded to another', () => {
    const recalled: ReferralEvent = { type: 'RecalledFromAttorney', data: { ...base, reason: 'no progress in 90 days', recalledAt: at(150).toISOString() } };
    given(referralDecider, [...forwardedCase, acknowledged]).when(byLegal({ kind: 'recalled', reason: 'no progress in 90 days' }, 150)).then([recalled]);
    const after = caseAfter([...forwardedCase, acknowledged, recalled]);
    expect(after).toMatchObject({ stage: 'authorized', attorney: null, litigation: null });
    given(referralDecider, [...forwardedCase, acknowledged, recalled]).when(byLegal({ kind: 'acknowledged' })).thenRejects('referral-not-forwarded');
  });

  it('refuses milestones on a case that was never forwarded', () => {
    given(referralDecider, [opened(), pendingApproval(), approved(), authorized()]).when(byLegal({ kind: 'acknowledged' })).thenRejects('referral-not-forwarded');
  });

  it('on an account intake closed, records only the attorney closing the file or the recall', () => {
    const history = [...forwardedCase, acknowledged, closedOn(55, 'recalled')];
    given(referralDecider, history).when(byLegal({ kind: 'suit-filed', court: 'c', caseNumber: 'n', courtCosts: 0 })).thenRejects('referral-closed');
    const { decision } = given(referralDecider, history).when(byLegal({ kind: 'recalled', reason: 'the client recalled the account' }));
    expect(decision).toMatchObject([{ type: 'RecalledFromAttorney' }]);
  });

  describe("an attorney reporting with its own key reaches only the cases forwarded to it", () => {
    it('records a milestone the attorney holding the case reports', () => {
      given(referralDecider, forwardedCase).when(byAttorney('att-ny-014', { kind: 'acknowledged' }, 52)).then([acknowledged]);
    });

    it("answers another attorney's case as unknown, as if it did not exist", () => {
      given(referralDecider, forwardedCase).when(byAttorney('att-ny-099', { kind: 'acknowledged' })).thenRejects('referral-unknown');
    });

    it('answers a case not forwarded to anyone as unknown too', () => {
      given(referralDecider, [opened(), pendingApproval(), approved(), authorized()]).when(byAttorney('att-ny-014', { kind: 'acknowledged' })).thenRejects('referral-unknown');
    });
  });

  it('takes milestones on a case forwarded before the panel, to an attorney named in free text; its file has no fee schedule', () => {
    const freeText: ReferralEvent = {
      type: 'ForwardedToAttorney',
      data: { accountId: 'acc-1', clientId: 'client-1', balance: 750_050, currency: 'USD', attorneyId: 'att-ny-014', attorneyName: 'Hudson & Rowe LLP', jurisdiction: 'US-NY', forwardedAt: at(50).toISOString() },
    };
    const history = [opened(), pendingApproval(), approved(), authorized(), freeText];
    expect(caseAfter(history).litigation).toMatchObject({ step: 'forwarded', feeSchedule: null });
    given(referralDecider, history).when(byLegal({ kind: 'acknowledged' }, 52)).then([acknowledged]);
    given(referralDecider, [...history, acknowledged])
      .when(byLegal({ kind: 'suit-filed', court: 'NY Supreme Court, New York County', caseNumber: '651234/2026', courtCosts: 40_500 }, 60))
      .then([{ ...suitFiled, data: { ...suitFiled.data, suitFee: 0 } } as ReferralEvent]);
  });

  it('folds the milestones into the file: step, suit, judgment, enforcement, collections and closing', () => {
    const collected: ReferralEvent = { type: 'AttorneyCollected', data: { ...base, paymentId: 'pay-1', amount: 826_050, collectedAt: at(140).toISOString() } };
    const after = caseAfter([...forwardedCase, acknowledged, suitFiled, served, defaulted, judgment, levy, collected]);
    expect(after.litigation).toMatchObject({
      step: 'enforcement',
      lastMilestone: 'collected',
      feeSchedule: { suitFee: 25_000, contingencyBp: 2_500 },
      suit: { court: 'NY Supreme Court, New York County', caseNumber: '651234/2026' },
      response: { response: 'defaulted' },
      judgment: { amount: 750_050, interest: 41_000, costs: 35_000 },
      enforcements: [{ method: 'bank-levy' }],
      collections: [{ paymentId: 'pay-1', amount: 826_050 }],
      closing: null,
    });
  });
});
