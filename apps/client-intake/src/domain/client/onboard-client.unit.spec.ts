import { given } from '@lib/es-core/testing/given-when-then';
import { clientDecider } from './client.decider';
import { onboarded, ONBOARDED_AT } from './client.fixtures';

describe('onboarding a client', () => {
  const onboard = { type: 'OnboardClient' as const, clientId: 'client-1', name: 'Northwind', now: new Date(ONBOARDED_AT) };

  it("records the client with the agency's default agreement, effective from onboarding", () =>
    given(clientDecider)
      .when(onboard)
      .then([
        {
          type: 'ClientOnboarded',
          data: {
            clientId: 'client-1',
            name: 'Northwind',
            agreement: { effectiveFrom: ONBOARDED_AT, ratePlan: 'default', legalRateBp: 4_000, remittance: 'net', remittancePeriod: 'monthly', clearedFundsHoldDays: 10, settlementAuthorityBp: 8_000 },
          },
        },
      ]));

  it('refuses to onboard the same client twice (rule client-exists)', () => given(clientDecider, [onboarded]).when(onboard).thenRejects('client-exists'));
});
