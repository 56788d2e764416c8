import { given } from '@lib/es-core/testing/given-when-then';
import { contactCaseDecider } from './contact-case.decider';
import { closedPaid, firstDemand, opened } from './contact-case.fixtures';

const close = { type: 'CloseContactCase' as const, closingCode: 'paid-in-full', now: new Date('2026-01-06T12:00:00.000Z') };

describe('closing a contact case when intake closes the account', () => {
  it('closes an open case with the closing code', () => given(contactCaseDecider, [opened(), firstDemand]).when(close).then([closedPaid]));

  it('does nothing when the case is already closed (a redelivered closure is harmless)', () =>
    given(contactCaseDecider, [opened(), firstDemand, closedPaid]).when({ ...close, closingCode: 'recalled' }).then([]));

  it('has nothing to close for an account it never opened', () => given(contactCaseDecider).when(close).thenRejects('case-unknown', []));
});
