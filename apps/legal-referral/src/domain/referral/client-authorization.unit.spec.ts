import { given } from '@lib/es-core/testing/given-when-then';
import { RecordClientAuthorization } from './referral.commands';
import { referralDecider } from './referral.decider';
import { authorized, closed, daysAfterPlacement, opened, recommended } from './referral.fixtures';

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
});
