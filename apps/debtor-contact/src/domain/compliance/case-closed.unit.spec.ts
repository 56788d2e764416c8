import { given } from '@lib/es-core/testing/given-when-then';
import { contactCaseDecider } from '../contact-case/contact-case.decider';
import { closedPaid, MONDAY_10_NEW_YORK, opened, outboundCall } from '../contact-case/contact-case.fixtures';
import { caseClosedRule } from './case-closed.rule';

describe('case-closed v1', () => {
  const contact = { channel: 'letter' as const, direction: 'outbound' as const, now: MONDAY_10_NEW_YORK };
  const openCase = { status: 'open' as const, ...opened().data };

  it('allows contact on an open case', () => expect(caseClosedRule.judge(contact, openCase)).toEqual({ decision: 'allow' }));

  it('denies contact of any kind on a closed case, naming the closing code', () => {
    for (const channel of ['call', 'email', 'letter', 'text'] as const) {
      expect(caseClosedRule.judge({ ...contact, channel }, { ...openCase, status: 'closed', closingCode: 'recalled', closedAt: '2026-01-06T12:00:00.000Z' })).toEqual({
        decision: 'deny',
        reason: 'the case is closed (recalled): the debtor may not be contacted about it',
      });
    }
  });

  it('a collector cannot contact the debtor of a closed case, and the refusal is recorded', () =>
    given(contactCaseDecider, [opened(), closedPaid])
      .when(outboundCall({ channel: 'email' }))
      .thenRejects('case-closed', [
        {
          type: 'ContactAttemptRefused',
          data: { accountId: 'acc-1', clientId: 'client-1', rule: 'case-closed', version: 1, channel: 'email', reason: 'the case is closed (paid-in-full): the debtor may not be contacted about it' },
        },
      ]));
});
