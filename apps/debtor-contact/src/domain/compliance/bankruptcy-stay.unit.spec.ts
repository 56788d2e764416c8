import { given } from '@lib/es-core/testing/given-when-then';
import { contactCaseDecider } from '../contact-case/contact-case.decider';
import { MONDAY_10_NEW_YORK, opened, outboundCall } from '../contact-case/contact-case.fixtures';
import { evolveContactCase, initialContactCaseState } from '../contact-case/contact-case.state';
import type { ContactCaseEvent } from '../contact-case/contact-case.events';
import { bankruptcyFiled, holdLifted, ids } from '../holds/holds.fixtures';
import { bankruptcyStayRule } from './bankruptcy-stay.rule';
import { CHANNELS } from '../contact-case/contact-case.events';

const caseAfter = (events: ContactCaseEvent[]) => {
  const state = events.reduce(evolveContactCase, initialContactCaseState());
  if (state.status === 'none') throw new Error('no case');
  return state;
};
const contact = (channel: (typeof CHANNELS)[number], direction: 'outbound' | 'inbound' = 'outbound') => ({ channel, direction, now: MONDAY_10_NEW_YORK });
const reason = 'the debtor filed chapter 7 bankruptcy (case 1:26-bk-10001, filed 2026-01-02): the automatic stay forbids collection contact';

describe('bankruptcy-stay v1', () => {
  it('refuses every outbound channel once the debtor filed', () => {
    for (const channel of CHANNELS) expect(bankruptcyStayRule.judge(contact(channel), caseAfter([opened(), bankruptcyFiled]))).toEqual({ decision: 'deny', reason });
  });

  it('hears the debtor who calls in', () => expect(bankruptcyStayRule.judge(contact('call', 'inbound'), caseAfter([opened(), bankruptcyFiled])).decision).toBe('allow'));

  it('allows contact again once the filing is dismissed (its hold lifted)', () =>
    expect(bankruptcyStayRule.judge(contact('letter'), caseAfter([opened(), bankruptcyFiled, holdLifted({ holdId: 'hold-bk', kind: 'bankruptcy' })])).decision).toBe('allow'));

  it('refuses for good after a discharge, naming it', () => {
    const discharged: ContactCaseEvent = { type: 'BankruptcyDischarged', data: { ...ids, holdId: 'hold-bk', chapter: 7, caseNumber: '1:26-bk-10001', dischargedOn: '2026-01-05', recordedAt: '2026-01-05T15:00:00.000Z' } };
    expect(bankruptcyStayRule.judge(contact('email'), caseAfter([opened(), bankruptcyFiled, discharged]))).toMatchObject({ decision: 'deny', reason: expect.stringContaining('discharged 2026-01-05') });
  });

  it('allows contact on a case without bankruptcy', () => expect(bankruptcyStayRule.judge(contact('call'), caseAfter([opened()]))).toEqual({ decision: 'allow' }));

  it('a collector calling a bankrupt debtor is refused and the refusal recorded', () =>
    given(contactCaseDecider, [opened(), bankruptcyFiled])
      .when(outboundCall())
      .thenRejects('bankruptcy-stay', [{ type: 'ContactAttemptRefused', data: { ...ids, rule: 'bankruptcy-stay', version: 1, channel: 'call', reason } }]));
});
