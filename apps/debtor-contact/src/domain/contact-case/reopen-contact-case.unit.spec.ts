import { given } from '@lib/es-core/testing/given-when-then';
import { CloseContactCase, ReopenContactCase } from './contact-case.commands';
import { contactCaseDecider } from './contact-case.decider';
import { closedPaid, firstDemand, MONDAY_10_NEW_YORK, opened, outboundCall, reopenedAfterPaid } from './contact-case.fixtures';

const reopen: ReopenContactCase = { type: 'ReopenContactCase', reason: 'payment-reversed', now: new Date('2026-01-07T12:00:00.000Z') };

describe('reopening a contact case when intake reopens the account', () => {
  it('reopens a closed case, naming the closure it undoes and why', () =>
    given(contactCaseDecider, [opened(), firstDemand, closedPaid]).when(reopen).then([reopenedAfterPaid]));

  it('does nothing when the case is open (a redelivered reopening is harmless)', () => {
    given(contactCaseDecider, [opened(), firstDemand, closedPaid, reopenedAfterPaid]).when(reopen).then([]);
    given(contactCaseDecider, [opened(), firstDemand]).when(reopen).then([]);
  });

  it('has nothing to reopen for an account it never opened', () => given(contactCaseDecider).when(reopen).thenRejects('case-unknown', []));

  it('lets collectors contact the debtor again once the case is reopened', () => {
    // Tuesday 2026-01-06 10:00 in New York, inside the window: only case-closed could refuse.
    const { decision } = given(contactCaseDecider, [opened(), firstDemand, closedPaid, reopenedAfterPaid]).when(
      outboundCall({ now: new Date(MONDAY_10_NEW_YORK.getTime() + 24 * 3_600_000) }),
    );
    expect(decision).toMatchObject([{ type: 'ContactAttemptRecorded', data: { compliance: [{ rule: 'case-closed', decision: 'allow' }, { rule: 'bankruptcy-stay' }, { rule: 'dispute-hold' }, { rule: 'account-hold' }, { rule: 'cease-contact' }, { rule: 'do-not-contact' }, { rule: 'time-barred-no-suit-threat' }, { rule: 'channel-frequency-cap' }, { rule: 'call-window' }] } }]);
  });

  it('closes a reopened case again, and reopens it again naming the latest closure', () => {
    const recall: CloseContactCase = { type: 'CloseContactCase', closingCode: 'recalled', now: new Date('2026-01-08T12:00:00.000Z') };
    const closedRecalled = { type: 'ContactCaseClosed' as const, data: { accountId: 'acc-1', clientId: 'client-1', closingCode: 'recalled', closedAt: '2026-01-08T12:00:00.000Z' } };
    given(contactCaseDecider, [opened(), firstDemand, closedPaid, reopenedAfterPaid]).when(recall).then([closedRecalled]);

    const later = { ...reopen, now: new Date('2026-01-09T12:00:00.000Z') };
    given(contactCaseDecider, [opened(), firstDemand, closedPaid, reopenedAfterPaid, closedRecalled])
      .when(later)
      .then([{ type: 'ContactCaseReopened', data: { ...reopenedAfterPaid.data, previousClosingCode: 'recalled', reopenedAt: '2026-01-09T12:00:00.000Z' } }]);
  });

  it('refuses contact again once the reopened case is closed again', () =>
    given(contactCaseDecider, [opened(), closedPaid, reopenedAfterPaid, { ...closedPaid, data: { ...closedPaid.data, closingCode: 'recalled' } }])
      .when(outboundCall({ channel: 'letter' }))
      .thenRejects('case-closed'));
});
