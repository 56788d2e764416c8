import { given } from '@lib/es-core/testing/given-when-then';
import { MONDAY_10_NEW_YORK } from '../contact-case/contact-case.fixtures';
import { contactCaseDecider } from '../contact-case/contact-case.decider';
import { ContactCaseEvent } from '../contact-case/contact-case.events';
import { ContactCaseState } from '../contact-case/contact-case.state';
import { templateOf } from '../communications/templates';
import { communicationsDecider, judgeDispatch } from '../communications/communications.decider';
import type { MessageQueued } from '../communications/message.events';
import { consumerOpened, timeBarred } from './compliance.fixtures';
import { timeBarredNoSuitThreatRule } from './time-barred-no-suit-threat.rule';

const caseAfter = (events: ContactCaseEvent[]) => events.reduce(contactCaseDecider.evolve, contactCaseDecider.initialState()) as Exclude<ContactCaseState, { status: 'none' }>;
const letter = (id: string) => {
  const template = templateOf(id, 1);
  return { channel: 'letter' as const, direction: 'outbound' as const, now: MONDAY_10_NEW_YORK, template: { id, version: 1, threatensSuit: template.threatensSuit === true } };
};

describe('time-barred-no-suit-threat v1', () => {
  it('a letter from a template that threatens suit is refused once legal referral found the debt time-barred', () =>
    expect(timeBarredNoSuitThreatRule.judge(letter('legal-action-warning'), caseAfter([consumerOpened(), timeBarred]))).toEqual({
      decision: 'deny',
      reason: 'template legal-action-warning v1 threatens suit, and the debt is time-barred in US-NY since 2025-06-01 (N.Y. C.P.L.R. 214-i)',
    }));

  it('the same template is allowed while the debt is not time-barred', () =>
    expect(timeBarredNoSuitThreatRule.judge(letter('legal-action-warning'), caseAfter([consumerOpened()]))).toEqual({ decision: 'allow' }));

  it('a template that threatens nothing goes out on a time-barred debt', () =>
    expect(timeBarredNoSuitThreatRule.judge(letter('validation-notice'), caseAfter([consumerOpened(), timeBarred]))).toEqual({ decision: 'allow' }));

  it('only the legal action warning among the templates threatens suit', () =>
    expect(['validation-notice', 'first-demand', 'validation-notice-email', 'first-demand-email', 'letter-mailed-text'].map((id) => templateOf(id, 1).threatensSuit === true)).toEqual([false, false, false, false, false]));

  it('legal referral saying the account is time-barred is recorded on the case once per expiry date', () => {
    const mark = { type: 'MarkCaseTimeBarred' as const, ...timeBarred.data, now: new Date('2026-01-03T12:00:01.000Z') };
    const { accountId: _a, clientId: _c, ...facts } = timeBarred.data;
    given(contactCaseDecider, [consumerOpened()]).when({ ...mark, ...facts }).then([timeBarred]);
    given(contactCaseDecider, [consumerOpened(), timeBarred]).when(mark).then([]);
  });

  it('the dispatcher cancels a queued letter that threatens suit when the debt became time-barred before it left, naming the rule', () => {
    const queued: MessageQueued = {
      type: 'MessageQueued',
      data: {
        accountId: 'acc-1', clientId: 'client-1', messageId: 'msg-1', channel: 'letter', purpose: 'legal-warning', templateId: 'legal-action-warning', templateVersion: 1,
        recipient: 'Jane Doe, NY, US', data: {}, queuedAt: '2026-01-02T15:00:00.000Z',
      },
    };
    const state = (events: ContactCaseEvent[]) => events.reduce(communicationsDecider.evolve, communicationsDecider.initialState());
    expect(judgeDispatch(state([consumerOpened(), queued, timeBarred]), 'msg-1', MONDAY_10_NEW_YORK)).toMatchObject({
      action: 'cancel',
      denial: { rule: 'time-barred-no-suit-threat', version: 1 },
    });
    expect(judgeDispatch(state([consumerOpened(), queued]), 'msg-1', MONDAY_10_NEW_YORK)).toMatchObject({ action: 'send' });
  });
});
