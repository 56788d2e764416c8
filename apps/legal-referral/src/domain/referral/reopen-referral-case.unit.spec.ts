import { given } from '@lib/es-core/testing/given-when-then';
import { referralDecider } from './referral.decider';
import { ReferralEvent } from './referral.events';
import { authorized, caseAfter, closedOn, daysAfterPlacement, opened, paymentNoted, recommended, reopenCommand, reopened } from './referral.fixtures';

describe('reopening a referral case when intake reopens a closed account', () => {
  it('reopens a closed case, with a review due 45 days after the reopening', () => {
    given(referralDecider, [opened(), closedOn(10)])
      .when(reopenCommand(20))
      .then([
        {
          type: 'ReferralCaseReopened',
          data: {
            accountId: 'acc-1',
            clientId: 'client-1',
            previousClosingCode: 'paid-in-full',
            reason: 'payment-reversed',
            paymentId: 'p-bounced',
            balance: 750_050,
            reopenedAt: '2026-03-21T09:00:00.000Z',
            stage: 'opened',
            reviewDueAt: '2026-05-05T09:00:00.000Z',
          },
        },
      ]);
  });

  describe('puts the case back at the stage it had when it closed', () => {
    const notRecommended: ReferralEvent = {
      type: 'ReferralNotRecommended',
      data: {
        accountId: 'acc-1',
        balance: 750_050,
        currency: 'USD',
        rulesChecked: ['no-payment-in-45-days'],
        failedRules: [{ rule: 'no-payment-in-45-days', reason: 'a payment was received 1 days ago' }],
        reviewedAt: daysAfterPlacement(45).toISOString(),
        followUpReview: { afterPaymentId: 'p-1', dueAt: daysAfterPlacement(89).toISOString() },
      },
    };
    const forwarded: ReferralEvent = {
      type: 'ForwardedToAttorney',
      data: {
        accountId: 'acc-1',
        clientId: 'client-1',
        balance: 750_050,
        currency: 'USD',
        attorneyId: 'att-ny-014',
        attorneyName: 'Hudson & Rowe LLP',
        jurisdiction: 'US-NY',
        forwardedAt: daysAfterPlacement(47).toISOString(),
      },
    };

    it.each([
      ['recommended', [recommended()]],
      ['not-recommended', [paymentNoted('p-1', 50_000, 700_050, daysAfterPlacement(44)), notRecommended]],
      ['authorized', [recommended(), authorized()]],
      ['forwarded', [recommended(), authorized(), forwarded]],
    ] as const)('a case closed while %s is %s again', (stage, before) => {
      const { decision } = given(referralDecider, [opened(), ...before, closedOn(50)]).when(reopenCommand(60));
      expect(decision).toMatchObject([{ type: 'ReferralCaseReopened', data: { stage } }]);
      const after = caseAfter([opened(), ...before, closedOn(50), ...(decision as ReferralEvent[])]);
      expect(after.stage).toBe(stage);
      expect(after).not.toHaveProperty('closing');
    });

    it('keeps the attorney of a forwarded case, and forgets the follow-up review the closure cancelled', () => {
      expect(caseAfter([opened(), recommended(), authorized(), forwarded, closedOn(50), reopened(60, 'forwarded')]).attorney).toMatchObject({ attorneyId: 'att-ny-014' });
      const reopenedAfterHeldBack = caseAfter([opened(), paymentNoted('p-1', 50_000, 700_050, daysAfterPlacement(44)), notRecommended, closedOn(50), reopened(60, 'not-recommended')]);
      expect(reopenedAfterHeldBack.lastReview).toMatchObject({ recommended: false, followUpReview: null });
    });
  });

  it('does nothing to a case that is not closed, so a redelivered reopening is harmless', () => {
    given(referralDecider, [opened()]).when(reopenCommand(20)).then([]);
    given(referralDecider, [opened(), closedOn(10), reopened(20)]).when(reopenCommand(20)).then([]);
  });

  it('does not undo a later closure with a reopening older than it, but reopens at the very instant of the closure', () => {
    given(referralDecider, [opened(), closedOn(10), reopened(20), closedOn(30)]).when(reopenCommand(20)).then([]);
    given(referralDecider, [opened(), closedOn(10)]).when(reopenCommand(10)).then([reopened(10)]);
  });

  it('closes a reopened case again, and reopens it again with a review of its own', () => {
    const closeAgain = { type: 'CloseReferralCase' as const, closingCode: 'paid-in-full', closedAt: daysAfterPlacement(30).toISOString() };
    given(referralDecider, [opened(), closedOn(10), reopened(20)]).when(closeAgain).then([closedOn(30)]);
    given(referralDecider, [opened(), closedOn(10), reopened(20), closedOn(30)]).when(reopenCommand(40)).then([reopened(40)]);
    const twice = caseAfter([opened(), closedOn(10), reopened(20), closedOn(30), reopened(40)]);
    expect(twice.reopenings.map((r) => r.reviewDueAt)).toEqual([daysAfterPlacement(65).toISOString(), daysAfterPlacement(85).toISOString()]);
  });

  describe('the balance, which payments own', () => {
    const paidInFull = paymentNoted('p-bounced', 750_050, 0, daysAfterPlacement(5));

    it('takes the figure intake relays while the reversal it names has not arrived', () => {
      const { decision } = given(referralDecider, [opened(), paidInFull, closedOn(10)]).when(reopenCommand(12, { balance: 750_050 }));
      expect(decision).toMatchObject([{ data: { balance: 750_050 } }]);
      expect(caseAfter([opened(), paidInFull, closedOn(10), ...(decision as ReferralEvent[])]).balance).toBe(750_050);
    });

    it('keeps what payments reported since, once that reversal was noted', () => {
      const bounced: ReferralEvent = {
        type: 'PaymentReversalNoted',
        data: { accountId: 'acc-1', paymentId: 'p-bounced', amount: 750_050, balanceAfter: 750_050, reversedAt: daysAfterPlacement(11).toISOString() },
      };
      const paidAgain = paymentNoted('p-2', 50_000, 700_050, daysAfterPlacement(12));
      const { decision } = given(referralDecider, [opened(), paidInFull, closedOn(10), bounced, paidAgain]).when(reopenCommand(11, { balance: 750_050 }));
      expect(decision).toMatchObject([{ data: { balance: 700_050 } }]);
    });
  });

  it('is reviewed like an open account: recommended 45 days after the reopening, where the closed case was not', () => {
    const review = { type: 'ReviewForLegal' as const, now: daysAfterPlacement(65) };
    const { decision: whileClosed } = given(referralDecider, [opened(), closedOn(10)]).when(review);
    expect(whileClosed).toMatchObject([{ type: 'ReferralNotRecommended', data: { failedRules: [{ rule: 'not-closed' }] } }]);
    const { decision } = given(referralDecider, [opened(), closedOn(10), reopened(20)]).when(review);
    expect(decision).toMatchObject([{ type: 'ReferralRecommended', data: { reviewedAt: daysAfterPlacement(65).toISOString() } }]);
  });

  it('takes the client authorization of a case reopened at recommended', () => {
    const authorization = { type: 'RecordClientAuthorization' as const, clientId: 'client-1', authorizedAt: daysAfterPlacement(61).toISOString(), agreesToSuitFee: true, agreesToAdvanceCosts: true };
    const { decision } = given(referralDecider, [opened(), recommended(), closedOn(50), reopened(60, 'recommended')]).when(authorization);
    expect(decision).toMatchObject([{ type: 'ReferralAuthorized' }]);
  });

  it('refuses a reopening of an account it has no case for, so the bus retries until the placement arrives', () => {
    given(referralDecider).when(reopenCommand(20)).thenRejects('referral-unknown');
  });
});
