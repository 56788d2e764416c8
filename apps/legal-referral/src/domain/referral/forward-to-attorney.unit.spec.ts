import { given } from '@lib/es-core/testing/given-when-then';
import { ForwardToAttorney } from './referral.commands';
import { referralDecider } from './referral.decider';
import { authorized, closed, daysAfterPlacement, opened, recommended } from './referral.fixtures';
import { ReferralEvent } from './referral.events';

describe('forwarding an authorized referral to an attorney', () => {
  const forward: ForwardToAttorney = { type: 'ForwardToAttorney', attorneyId: 'att-ny-014', attorneyName: 'Hudson & Rowe LLP', jurisdiction: 'US-NY', now: daysAfterPlacement(50) };
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
});
