import { given } from '@lib/es-core/testing/given-when-then';
import type { ApproveRecommendation, DeclineRecommendation } from './referral.commands';
import { referralDecider } from './referral.decider';
import type { ReferralEvent } from './referral.events';
import { approved, caseAfter, daysAfterPlacement, opened, paymentNoted, pendingApproval, recommended } from './referral.fixtures';

const approve: ApproveRecommendation = { type: 'ApproveRecommendation', supervisorId: 'supervisor-1', now: daysAfterPlacement(45, 2) };
const decline: DeclineRecommendation = { type: 'DeclineRecommendation', supervisorId: 'supervisor-1', reason: 'the debtor is a key supplier of the client', now: daysAfterPlacement(45, 2) };

describe('supervisor approval of a recommendation before the client is asked', () => {
  it('keeps a recommendation pending approval: the client is not asked yet', () => {
    expect(caseAfter([opened(), pendingApproval()]).stage).toBe('pending-approval');
  });

  it('approves the pending recommendation, recording the criteria and their versions the review applied', () => {
    given(referralDecider, [opened(), pendingApproval()]).when(approve).then([approved()]);
    expect(caseAfter([opened(), pendingApproval(), approved()])).toMatchObject({ stage: 'recommended', approval: { approved: true, by: 'supervisor-1' } });
  });

  it('declines the pending recommendation with why: the case is not recommended', () => {
    const declined: ReferralEvent = {
      type: 'RecommendationDeclined',
      data: {
        accountId: 'acc-1',
        clientId: 'client-1',
        balance: 750_050,
        currency: 'USD',
        declinedBy: 'supervisor-1',
        reason: 'the debtor is a key supplier of the client',
        declinedAt: daysAfterPlacement(45, 2).toISOString(),
        reviewedAt: daysAfterPlacement(45).toISOString(),
        criteria: [
          { rule: 'balance-at-least-5000', version: 1 },
          { rule: 'within-statute-of-limitations', version: 1 },
        ],
      },
    };
    given(referralDecider, [opened(), pendingApproval()]).when(decline).then([declined]);
    expect(caseAfter([opened(), pendingApproval(), declined])).toMatchObject({ stage: 'not-recommended', approval: { approved: false, reason: 'the debtor is a key supplier of the client' } });
  });

  it('refuses to approve or decline when no recommendation is pending', () => {
    given(referralDecider, [opened()]).when(approve).thenRejects('recommendation-not-pending');
    given(referralDecider, [opened(), pendingApproval(), approved()]).when(approve).thenRejects('recommendation-not-pending');
    given(referralDecider, [opened(), pendingApproval(), approved()]).when(decline).thenRejects('recommendation-not-pending');
  });

  it('takes a recommendation recorded before approval existed as approved', () => {
    expect(caseAfter([opened(), recommended()]).stage).toBe('recommended');
  });

  it('refuses to approve once a payment took the balance below 5,000.00 after the review, recording nothing', () => {
    given(referralDecider, [opened(), pendingApproval(), paymentNoted('p-1', 300_000, 450_050, daysAfterPlacement(45, 1))])
      .when(approve)
      .thenRejects('balance-at-least-5000', []);
  });

  it("ignores the client's authorization while the recommendation awaits approval", () => {
    const { decision } = given(referralDecider, [opened(), pendingApproval()]).when({
      type: 'RecordClientAuthorization',
      clientId: 'client-1',
      authorizedAt: daysAfterPlacement(46).toISOString(),
      agreesToSuitFee: true,
      agreesToAdvanceCosts: true,
    });
    expect(decision).toMatchObject([{ type: 'AuthorizationIgnored', data: { reason: expect.stringContaining("awaits a supervisor's approval") } }]);
  });
});
