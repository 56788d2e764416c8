import { given } from '@lib/es-core/testing/given-when-then';
import { ForwardToAttorney } from './referral.commands';
import { referralDecider } from './referral.decider';
import { authorized, closed, daysAfterPlacement, opened, paymentNoted, recommended } from './referral.fixtures';
import { ReferralEvent } from './referral.events';

describe('forwarding an authorized referral to an attorney', () => {
  const forward: ForwardToAttorney = { type: 'ForwardToAttorney', attorneyId: 'att-ny-014', attorneyName: 'Hudson & Rowe LLP', jurisdictions: ['US-NJ', 'US-NY'], feeSchedule: { suitFee: 25_000, contingencyBp: 2_500 }, now: daysAfterPlacement(50) };
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
      forwardedAt: '2026-04-20T09:00:00.000Z',
      feeSchedule: { suitFee: 25_000, contingencyBp: 2_500 },
    },
  };

  it('forwards a referral the client authorized', () => {
    given(referralDecider, [opened(), recommended(), authorized()]).when(forward).then([forwarded]);
  });

  it('refuses to forward a recommended referral the client has not authorized', () => {
    given(referralDecider, [opened(), recommended()]).when(forward).thenRejects('referral-not-authorized');
  });

  it('refuses to forward a case that was never reviewed', () => {
    given(referralDecider, [opened()]).when(forward).thenRejects('referral-not-authorized');
  });

  it('refuses to forward twice', () => {
    given(referralDecider, [opened(), recommended(), authorized(), forwarded]).when(forward).thenRejects('already-forwarded');
  });

  it('refuses to forward a closed account', () => {
    given(referralDecider, [opened(), recommended(), authorized(), closed()]).when(forward).thenRejects('referral-closed');
  });

  it('refuses to forward an account it has no case for', () => {
    given(referralDecider).when(forward).thenRejects('referral-unknown');
  });

  describe('re-checks at forwarding what may have changed since the recommendation', () => {
    it('refuses to forward an account that became time-barred after it was recommended and authorized, writing nothing', () => {
      // The UCC period of an invoice due 2022-04-20 ends 2026-04-20: after the day-45 review, before the forwarding on day 50.
      given(referralDecider, [opened({ oldestDueDate: '2022-04-20', claimType: 'sale-of-goods' }), recommended(), authorized()])
        .when(forward)
        .thenRejects('within-statute-of-limitations', []);
    });

    it('still forwards the day before the statute of limitations ends', () => {
      const { decision } = given(referralDecider, [opened({ oldestDueDate: '2022-04-21', claimType: 'sale-of-goods' }), recommended(), authorized()]).when(forward);
      expect(decision).toMatchObject([{ type: 'ForwardedToAttorney' }]);
    });

    it('refuses to forward once payments took the balance below 5,000.00 after the authorization', () => {
      const paid = paymentNoted('p-1', 300_000, 450_050, daysAfterPlacement(48));
      const { decision } = given(referralDecider, [opened(), recommended(), authorized(), paid]).when(forward);
      expect(decision).toMatchObject({ rule: 'balance-at-least-5000', reason: expect.stringContaining('balance 4,500.50 USD is below 5,000.00') });
    });

    it('refuses to forward when a payment noted on the authorized case takes the balance below the minimum', () => {
      const history = [opened(), recommended(), authorized()];
      const note = { type: 'NotePayment' as const, paymentId: 'p-1', amount: 300_000, balanceAfter: 450_050, paidAt: daysAfterPlacement(48).toISOString() };
      const { decision: noted } = given(referralDecider, history).when(note);
      given(referralDecider, [...history, ...(noted as ReferralEvent[])]).when(forward).thenRejects('balance-at-least-5000', []);
    });

    it('forwards again once the payment that took the balance below the minimum bounced', () => {
      const paid = paymentNoted('p-1', 300_000, 450_050, daysAfterPlacement(48));
      const bounced: ReferralEvent = {
        type: 'PaymentReversalNoted',
        data: { accountId: 'acc-1', paymentId: 'p-1', amount: 300_000, balanceAfter: 750_050, reversedAt: daysAfterPlacement(49).toISOString() },
      };
      given(referralDecider, [opened(), recommended(), authorized(), paid, bounced]).when(forward).then([forwarded]);
    });
  });

  describe("sends the account only to a panel attorney covering the debtor's jurisdiction", () => {
    it('refuses an attorney who covers only another state, writing nothing', () => {
      given(referralDecider, [opened(), recommended(), authorized()])
        .when({ ...forward, attorneyId: 'att-ca-002', jurisdictions: ['US-CA'] })
        .thenRejects('attorney-jurisdiction-mismatch', []);
    });

    it('records the jurisdiction the case is sued in as the debtor\'s, among the several the attorney covers', () => {
      const { decision } = given(referralDecider, [opened(), recommended(), authorized()]).when(forward);
      expect(decision).toMatchObject([{ type: 'ForwardedToAttorney', data: { jurisdiction: 'US-NY', feeSchedule: { suitFee: 25_000, contingencyBp: 2_500 } } }]);
    });

    it("refuses an attorney who names only the country when the debtor's state is known", () => {
      given(referralDecider, [opened(), recommended(), authorized()]).when({ ...forward, jurisdictions: ['US'] }).thenRejects('attorney-jurisdiction-mismatch');
    });

    it("says which jurisdiction the debtor's attorney must come from", () => {
      const { decision } = given(referralDecider, [opened(), recommended(), authorized()]).when({ ...forward, jurisdictions: ['US-CA'] });
      expect(decision).toMatchObject({ reason: expect.stringContaining('US-NY') });
    });

    it('compares the normalised forms: a debtor region written US-NY or ny is New York', () => {
      for (const debtorRegion of ['US-NY', 'ny', ' NY ']) {
        const { decision } = given(referralDecider, [opened({ debtorRegion }), recommended(), authorized()]).when(forward);
        expect(decision).toMatchObject([{ type: 'ForwardedToAttorney', data: { jurisdiction: 'US-NY' } }]);
      }
    });

    it('matches a debtor with no region to an attorney for its whole country', () => {
      const { decision } = given(referralDecider, [opened({ debtorCountry: 'PR', debtorRegion: null }), recommended(), authorized()]).when({ ...forward, jurisdictions: ['PR'] });
      expect(decision).toMatchObject([{ type: 'ForwardedToAttorney', data: { jurisdiction: 'PR' } }]);
    });
  });
});
