import { given } from '@lib/es-core/testing/given-when-then';
import { accountDecider } from './account.decider';
import { closedPaid, legalAuthorized, NOW, placed, reopened } from './account.fixtures';

describe('a client authorizing suit', () => {
  const authorize = { type: 'AuthorizeLegalReferral' as const, clientId: 'client-1', agreesToSuitFee: true, agreesToAdvanceCosts: true, now: NOW };

  it('records the authorization with the client agreeing to the fee and to advance costs', () => given(accountDecider, [placed]).when(authorize).then([legalAuthorized]));

  it('records a repeated authorization too, so the client can authorize again after the recommendation', () =>
    given(accountDecider, [placed, legalAuthorized]).when(authorize).then([legalAuthorized]));

  it("cannot authorize another client's account, which reads as unknown", () =>
    given(accountDecider, [placed]).when({ ...authorize, clientId: 'client-2' }).thenRejects('account-unknown'));

  it('must agree to the suit fee and to advancing court costs', () => {
    given(accountDecider, [placed]).when({ ...authorize, agreesToAdvanceCosts: false }).thenRejects('legal-authorization-incomplete');
    given(accountDecider, [placed]).when({ ...authorize, agreesToSuitFee: false }).thenRejects('legal-authorization-incomplete');
  });

  it('cannot refer a closed account', () => given(accountDecider, [placed, closedPaid]).when(authorize).thenRejects('account-closed'));

  it('lets the client authorize suit on a reopened account', () => given(accountDecider, [placed, closedPaid, reopened()]).when(authorize).then([legalAuthorized]));
});
