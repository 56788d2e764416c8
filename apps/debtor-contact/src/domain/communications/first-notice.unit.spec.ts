import { given } from '@lib/es-core/testing/given-when-then';
import { MONDAY_10_NEW_YORK, NY_COMPANY, opened } from '../contact-case/contact-case.fixtures';
import { communicationsDecider, judgeDispatch } from './communications.decider';
import { OpenContactCaseWithNotice } from './first-notice';
import { itemizationOf } from './itemization';
import { messageIdFor } from './message-id';
import { MessageQueued } from './message.events';
import { renderTemplate, templateOf } from './templates';

const PAT = { kind: 'person', legalName: 'Pat Doe', country: 'US', region: 'NY' };
const INVOICES = [
  { number: 'INV-1', dueDate: '2025-11-15', originalAmount: 300_000 },
  { number: 'INV-2', dueDate: '2025-12-15', originalAmount: 450_050 },
];

function open(overrides: Partial<OpenContactCaseWithNotice> = {}): OpenContactCaseWithNotice {
  return {
    type: 'OpenContactCase',
    accountId: 'acc-1',
    clientId: 'client-1',
    commercial: false,
    debtor: PAT,
    currency: 'USD',
    placedAmount: 700_050,
    now: MONDAY_10_NEW_YORK,
    firstNotice: { clientReference: 'NW-1', itemization: itemizationOf(INVOICES, 700_050, 'USD'), email: 'pat.doe@example.com', phone: '+12125550123' },
    ...overrides,
  };
}

const queuedOf = (events: readonly { type: string }[]) => events.filter((e): e is MessageQueued => e.type === 'MessageQueued');

describe('the itemization of a placed account', () => {
  it('dates it at the latest due date, owing the invoices total then, with what was placed below it shown as credits', () => {
    expect(itemizationOf(INVOICES, 700_050, 'USD')).toEqual({
      itemizationDate: '2025-12-15',
      amountThen: 750_050,
      interest: 0,
      fees: 0,
      payments: 0,
      credits: 50_000,
      currentAmount: 700_050,
      currency: 'USD',
    });
  });

  it('shows a placement above the invoices total as fees, so the lines always add up', () => {
    const itemization = itemizationOf(INVOICES, 760_050, 'USD');
    expect(itemization).toMatchObject({ fees: 10_000, credits: 0 });
    expect(itemization.amountThen + itemization.interest + itemization.fees - itemization.payments - itemization.credits).toBe(itemization.currentAmount);
  });
});

describe('the first notice of a new case', () => {
  it('prints the personal portal link on the letter and the email when the case opens with one (template v2), and none without', () => {
    const portalUrl = 'https://pay.example.com/portal/l/p1.abc.def';
    const withLink = communicationsDecider.decide(open({ firstNotice: { ...open().firstNotice!, portalUrl } }), communicationsDecider.initialState());
    if (!Array.isArray(withLink)) throw new Error('refused');
    const queued = queuedOf(withLink);
    expect(queued.map((e) => [e.data.channel, e.data.templateId, e.data.templateVersion])).toEqual([
      ['letter', 'validation-notice', 2],
      ['email', 'validation-notice-email', 2],
      ['text', 'letter-mailed-text', 1],
    ]);
    for (const message of queued.slice(0, 2)) expect(renderTemplate(templateOf(message.data.templateId, message.data.templateVersion), message.data.data).lines).toContain(portalUrl);
    const without = communicationsDecider.decide(open(), communicationsDecider.initialState());
    if (!Array.isArray(without)) throw new Error('refused');
    expect(queuedOf(without).every((e) => e.data.templateVersion === 1 && e.data.data.portalUrl === undefined)).toBe(true);
  });

  it('queues a consumer the validation notice by letter and email, and a text saying a letter was mailed, in the opening decision', () => {
    const decided = communicationsDecider.decide(open(), communicationsDecider.initialState());
    if (!Array.isArray(decided)) throw new Error('refused');
    expect(decided.map((e) => e.type)).toEqual(['ContactCaseOpened', 'NoticeSent', 'MessageQueued', 'MessageQueued', 'MessageQueued']);
    expect(queuedOf(decided).map((e) => [e.data.channel, e.data.templateId, e.data.templateVersion, e.data.recipient])).toEqual([
      ['letter', 'validation-notice', 1, 'Pat Doe, NY, US'],
      ['email', 'validation-notice-email', 1, 'pat.doe@example.com'],
      ['text', 'letter-mailed-text', 1, '+12125550123'],
    ]);
    expect(queuedOf(decided)[0].data.messageId).toBe(messageIdFor('acc-1', 'first-notice', 'letter'));
  });

  it('sends a company the first demand, and only by letter when the placement gave no email or phone', () => {
    const decided = communicationsDecider.decide(
      open({ commercial: true, debtor: NY_COMPANY, firstNotice: { clientReference: 'NW-1', itemization: itemizationOf(INVOICES, 750_050, 'USD') } }),
      communicationsDecider.initialState(),
    );
    if (!Array.isArray(decided)) throw new Error('refused');
    expect(queuedOf(decided).map((e) => [e.data.channel, e.data.templateId])).toEqual([['letter', 'first-demand']]);
  });

  it('queues nothing again when the placement is delivered again', () =>
    given(communicationsDecider, [opened(PAT)]).when(open()).then([]));
});

describe('the validation notice template', () => {
  it('shows every itemization figure and the validation period end, in the debtor currency', () => {
    const decided = communicationsDecider.decide(open(), communicationsDecider.initialState());
    if (!Array.isArray(decided)) throw new Error('refused');
    const [letter] = queuedOf(decided);
    const text = renderTemplate(templateOf('validation-notice', 1), letter.data.data).lines.join('\n');
    expect(text).toContain('As of 2025-12-15, you owed: USD 7500.50');
    expect(text).toContain('in interest: + USD 0.00');
    expect(text).toContain('in fees: + USD 0.00');
    expect(text).toContain('toward the debt: - USD 500.00');
    expect(text).toContain('Total amount of the debt now: USD 7000.50');
    expect(text).toContain('by 2026-02-09 to dispute');
    expect(text).toContain('Pat Doe');
  });

  it('refuses to render a template whose data lacks a placeholder, rather than leave a gap in a legal notice', () => {
    expect(() => renderTemplate(templateOf('validation-notice', 1), { debtorName: 'Pat Doe' })).toThrow(/needs/);
  });
});

describe('sending a queued message', () => {
  const state = (events: Parameters<typeof communicationsDecider.evolve>[1][]) => events.reduce(communicationsDecider.evolve, communicationsDecider.initialState());
  const openedWithMessages = () => {
    const decided = communicationsDecider.decide(open(), communicationsDecider.initialState());
    if (!Array.isArray(decided)) throw new Error('refused');
    return decided;
  };

  it('lets a letter and a text leave on a Saturday night: the call window judges calls only', () => {
    const events = openedWithMessages();
    const [letter, , text] = queuedOf(events);
    const saturdayNight = new Date('2026-01-11T04:00:00.000Z'); // Saturday 23:00 in New York
    expect(judgeDispatch(state(events), letter.data.messageId, saturdayNight)).toMatchObject({ action: 'send' });
    expect(judgeDispatch(state(events), text.data.messageId, saturdayNight)).toMatchObject({ action: 'send' });
  });

  it('cancels a queued message whose case closed before it left, naming the rule', () => {
    const events = [...openedWithMessages(), { type: 'ContactCaseClosed' as const, data: { accountId: 'acc-1', clientId: 'client-1', closingCode: 'recalled', closedAt: MONDAY_10_NEW_YORK.toISOString() } }];
    const [letter] = queuedOf(events);
    expect(judgeDispatch(state(events), letter.data.messageId, MONDAY_10_NEW_YORK)).toEqual({ action: 'cancel', denial: { rule: 'case-closed', version: 1, reason: expect.stringContaining('recalled') } });
  });

  it('records a sent message once, with its hash and a masked address; a repeat adds nothing', () => {
    const events = openedWithMessages();
    const email = queuedOf(events)[1];
    const sent = { type: 'RecordMessageSent' as const, messageId: email.data.messageId, contentSha256: 'ab'.repeat(32), providerMessageId: '<x@y>', compliance: [], judgedAtVersion: 4, now: MONDAY_10_NEW_YORK };
    return given(communicationsDecider, events)
      .when(sent)
      .then([
        {
          type: 'MessageSent',
          data: {
            accountId: 'acc-1',
            clientId: 'client-1',
            messageId: email.data.messageId,
            channel: 'email',
            templateId: 'validation-notice-email',
            templateVersion: 1,
            contentSha256: 'ab'.repeat(32),
            to: 'p***@example.com',
            providerMessageId: '<x@y>',
            sentAt: MONDAY_10_NEW_YORK.toISOString(),
            compliance: [],
            judgedAtVersion: 4,
          },
        },
      ]);
  });
});
