import { given } from '@lib/es-core/testing/given-when-then';
import { RecordClientAuthorization } from './referral.commands';
import { referralDecider } from './referral.decider';
import { authorized, closed, daysAfterPlacement, opened, paymentNoted, recommended } from './referral.fixtures';

describe("recording the client's authorization of suit", () => {
  const authorizedAt = daysAfterPlacement(46).toISOString();
  const authorization = (overrides: Partial<RecordClientAuthorization> = {}): RecordClientAuthorization => ({
    type: 'RecordClientAuthorization',
    clientId: 'client-1',
    authorizedAt,
    agreesToSuitFee: true,
    agreesToAdvanceCosts: true,
    ...overrides,
  });
  const ignored = (reason: string) => [{ type: 'AuthorizationIgnored' as const, data: { accountId: 'acc-1', clientId: 'client-1', authorizedAt, reason } }];

  it('authorizes a recommended referral, carrying the balance the stage is published with', () => {
    given(referralDecider, [opened(), recommended()]).when(authorization()).then([authorized()]);
  });

  it('records an authorization that came before any recommendation as ignored, with why', () => {
    given(referralDecider, [opened()]).when(authorization()).then(ignored('no legal review has recommended the account yet'));
  });

  it('records an authorization of a referral that was not recommended as ignored, naming the failed rules', () => {
    const notRecommended = {
      type: 'ReferralNotRecommended' as const,
      data: {
        accountId: 'acc-1',
        balance: 750_050,
        currency: 'USD',
        rulesChecked: ['no-payment-in-45-days'],
        failedRules: [{ rule: 'no-payment-in-45-days', reason: 'paid recently' }],
        reviewedAt: daysAfterPlacement(45).toISOString(),
      },
    };
    given(referralDecider, [opened(), notRecommended]).when(authorization()).then(ignored('the last legal review did not recommend suit (failed: no-payment-in-45-days)'));
  });

  it('ignores an authorization without both agreements to the suit fee and the cost advance', () => {
    given(referralDecider, [opened(), recommended()])
      .when(authorization({ agreesToAdvanceCosts: false }))
      .then(ignored('suit needs the client to agree to the suit fee and to advance court costs'));
  });

  it('ignores an authorization of a closed account', () => {
    given(referralDecider, [opened(), recommended(), closed()]).when(authorization()).then(ignored('the account is closed'));
  });

  it('ignores an authorization from a client that did not place the account', () => {
    const { decision } = given(referralDecider, [opened(), recommended()]).when(authorization({ clientId: 'client-2' }));
    expect(decision).toMatchObject([{ type: 'AuthorizationIgnored', data: { clientId: 'client-2', reason: 'authorized by a client that did not place the account' } }]);
  });

  it('changes nothing when the same authorization arrives again', () => {
    given(referralDecider, [opened(), recommended(), authorized()]).when(authorization()).then([]);
  });

  it('ignores an authorization that arrives once the account is time-barred, naming the rule', () => {
    // Recommended on day 45 (2026-04-15); the UCC period of an invoice due 2022-04-16 ends 2026-04-16, the day of the authorization.
    given(referralDecider, [opened({ oldestDueDate: '2022-04-16', claimType: 'sale-of-goods' }), recommended()])
      .when(authorization())
      .then(
        ignored(
          'the recommendation no longer holds (failed: within-statute-of-limitations: time-barred: 4 years (N.Y. U.C.C. Law § 2-725, sale-of-goods) from 2022-04-16 (the oldest due date): barred from 2026-04-16)',
        ),
      );
  });

  it('ignores an authorization that arrives once payments took the balance below 5,000.00', () => {
    const paid = paymentNoted('p-1', 300_000, 450_050, daysAfterPlacement(45, 12));
    given(referralDecider, [opened(), recommended(), paid])
      .when(authorization())
      .then(ignored('the recommendation no longer holds (failed: balance-at-least-5000: balance 4,500.50 USD is below 5,000.00)'));
  });
});
