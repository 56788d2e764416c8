import { given } from '@lib/es-core/testing/given-when-then';
import { contactCaseDecider } from '../contact-case/contact-case.decider';
import { MONDAY_10_NEW_YORK, opened, outboundCall } from '../contact-case/contact-case.fixtures';
import { attemptAt, consumerOpened, hoursBefore, sevenCallsThisWeek } from './compliance.fixtures';

describe('reg-f-call-frequency v1', () => {
  it('the 8th call attempt in 7 days on a consumer debt is refused, and the refusal recorded with the rule and its version', () =>
    given(contactCaseDecider, [consumerOpened(), ...sevenCallsThisWeek])
      .when(outboundCall())
      .thenRejects('reg-f-call-frequency', [
        {
          type: 'ContactAttemptRefused',
          data: {
            accountId: 'acc-1',
            clientId: 'client-1',
            rule: 'reg-f-call-frequency',
            version: 1,
            channel: 'call',
            reason: '7 call attempts were placed on this debt in the last 7 days (the first at 2025-12-30T19:00:00.000Z): Regulation F allows at most 7',
          },
        },
      ]));

  it('the 7th call attempt in 7 days is allowed, and the ledger names the rule', () => {
    const { decision } = given(contactCaseDecider, [consumerOpened(), ...sevenCallsThisWeek.slice(1)]).when(outboundCall());
    expect(decision).toEqual([expect.objectContaining({ type: 'ContactAttemptRecorded', data: expect.objectContaining({ compliance: expect.arrayContaining([{ rule: 'reg-f-call-frequency', version: 1, decision: 'allow' }]) }) })]);
  });

  it('a call attempt that fell out of the last 168 hours no longer counts', () => {
    const eightDaysAgo = attemptAt(hoursBefore(MONDAY_10_NEW_YORK, 168));
    const { decision } = given(contactCaseDecider, [consumerOpened(), eightDaysAgo, ...sevenCallsThisWeek.slice(1)]).when(outboundCall());
    expect(Array.isArray(decision)).toBe(true);
  });

  it('inbound calls, emails and texts are not call attempts', () => {
    const others = [attemptAt(hoursBefore(MONDAY_10_NEW_YORK, 1), { direction: 'inbound' }), attemptAt(hoursBefore(MONDAY_10_NEW_YORK, 2), { channel: 'letter' })];
    const { decision } = given(contactCaseDecider, [consumerOpened(), ...others, ...sevenCallsThisWeek.slice(1)]).when(outboundCall());
    expect(Array.isArray(decision)).toBe(true);
  });

  it('an inbound call after seven attempts is still recorded: the debtor called', () => {
    const { decision } = given(contactCaseDecider, [consumerOpened(), ...sevenCallsThisWeek]).when(outboundCall({ direction: 'inbound' }));
    expect(Array.isArray(decision)).toBe(true);
  });

  it('does not apply to a commercial account: the rule is not in its ledger', () => {
    const { decision } = given(contactCaseDecider, [opened(), ...sevenCallsThisWeek]).when(outboundCall());
    if (!Array.isArray(decision)) throw new Error(`refused: ${decision.rule}`);
    expect(decision[0].type === 'ContactAttemptRecorded' && decision[0].data.compliance.map((d) => d.rule)).not.toContain('reg-f-call-frequency');
  });
});
