import { formatMajorUnits } from '@lib/money';
import type { MessageChannel } from './message-channel';

/** What a template is filled with: kept whole in the `MessageQueued` event, amounts in minor units. */
export type TemplateData = Record<string, string | number>;

/**
 * A message template as data. A template once used is never edited: a change is a new
 * entry with the next version, so every message stays explained (and a letter renders
 * again identically) by the version it was sent with. `{{name}}` is replaced by the
 * data's value, `{{money:name}}` by an amount (minor units) in `{{currency}}`.
 */
export interface MessageTemplate {
  id: string;
  version: number;
  channel: MessageChannel;
  /** Email subject, or a letter's heading. */
  subject: string;
  body: readonly string[];
  /** The text threatens suit: never sent on a time-barred debt (rule time-barred-no-suit-threat). */
  threatensSuit?: boolean;
}

const ITEMIZATION_LINES = [
  'As of {{itemizationDate}}, you owed: {{money:amountThen}}',
  'Between {{itemizationDate}} and today:',
  '  You were charged this amount in interest: + {{money:interest}}',
  '  You were charged this amount in fees: + {{money:fees}}',
  '  You paid or were credited this amount toward the debt: - {{money:paymentsAndCredits}}',
  'Total amount of the debt now: {{money:currentAmount}}',
] as const;

const VALIDATION_NOTICE_BODY = [
  '{{debtorName}}',
  'Account {{accountReference}} (your creditor\'s reference {{clientReference}})',
  'Date: {{letterDate}}',
  '',
  'We are a debt collector. We are trying to collect a debt that you owe to our client.',
  'We will use any information you give us to help collect the debt.',
  '',
  ...ITEMIZATION_LINES,
  '',
  'How can you dispute the debt?',
  'Call or write to us by {{validationPeriodEnds}} to dispute all or part of the debt.',
  'If you do not, we will assume that our information is correct.',
  'If you write to us by {{validationPeriodEnds}}, we must stop collection on any amount you',
  'dispute until we send you information that shows you owe the debt.',
] as const;

const FIRST_DEMAND_BODY = [
  '{{debtorName}}',
  'Account {{accountReference}} (your creditor\'s reference {{clientReference}})',
  'Date: {{letterDate}}',
  '',
  'Your creditor has placed the unpaid invoices below with us for collection.',
  ...ITEMIZATION_LINES,
  '',
  'Please pay {{money:currentAmount}} or contact us by {{validationPeriodEnds}} to arrange payment.',
  'If you believe any part of this amount is not owed, tell us which and why.',
] as const;

const LEGAL_ACTION_WARNING_BODY = [
  '{{debtorName}}',
  'Account {{accountReference}} (your creditor\'s reference {{clientReference}})',
  'Date: {{letterDate}}',
  '',
  'We have not received payment of {{money:currentAmount}}.',
  'Unless it is paid or arranged by {{validationPeriodEnds}}, our client may refer the account',
  'to an attorney to file suit against you for the amount owed.',
] as const;

const SECOND_DEMAND_BODY = [
  '{{debtorName}}',
  'Account {{accountReference}}',
  'Date: {{letterDate}}',
  '',
  'We wrote to you on {{firstNoticeDate}} about this debt and have not received payment.',
  'Amount placed with us for collection: {{money:currentAmount}}',
  'Any payment you made since then is credited to it.',
  '',
  'Please pay or contact us to arrange payment.',
  'If you believe any part of this amount is not owed, tell us which and why.',
] as const;

const FINAL_DEMAND_BODY = [
  '{{debtorName}}',
  'Account {{accountReference}}',
  'Date: {{letterDate}}',
  '',
  'Final demand: this debt remains unpaid despite our letters of {{firstNoticeDate}} and since.',
  'Amount placed with us for collection: {{money:currentAmount}}',
  'Any payment you made since then is credited to it.',
  '',
  'Please pay or contact us within 14 days of the date of this letter.',
  'After that our client may review what further steps to take.',
] as const;

/** The lines that give the debtor its personal portal link (docs/portal.md). */
const PORTAL_LINES = ['', 'Pay, propose a payment plan or dispute online at your personal link:', '{{portalUrl}}', 'The link is for you alone: please do not share it.'] as const;

/** Every template ever used, by id and version. Append only. */
export const MESSAGE_TEMPLATES: readonly MessageTemplate[] = [
  { id: 'validation-notice', version: 1, channel: 'letter', subject: 'Validation notice', body: VALIDATION_NOTICE_BODY },
  { id: 'first-demand', version: 1, channel: 'letter', subject: 'First demand for payment', body: FIRST_DEMAND_BODY },
  { id: 'validation-notice-email', version: 1, channel: 'email', subject: 'Validation notice about account {{accountReference}}', body: VALIDATION_NOTICE_BODY },
  { id: 'first-demand-email', version: 1, channel: 'email', subject: 'First demand for payment: account {{accountReference}}', body: FIRST_DEMAND_BODY },
  { id: 'legal-action-warning', version: 1, channel: 'letter', subject: 'Notice before legal action', body: LEGAL_ACTION_WARNING_BODY, threatensSuit: true },
  { id: 'validation-notice', version: 2, channel: 'letter', subject: 'Validation notice', body: [...VALIDATION_NOTICE_BODY, ...PORTAL_LINES] },
  { id: 'first-demand', version: 2, channel: 'letter', subject: 'First demand for payment', body: [...FIRST_DEMAND_BODY, ...PORTAL_LINES] },
  { id: 'validation-notice-email', version: 2, channel: 'email', subject: 'Validation notice about account {{accountReference}}', body: [...VALIDATION_NOTICE_BODY, ...PORTAL_LINES] },
  { id: 'first-demand-email', version: 2, channel: 'email', subject: 'First demand for payment: account {{accountReference}}', body: [...FIRST_DEMAND_BODY, ...PORTAL_LINES] },
  {
    id: 'letter-mailed-text',
    version: 1,
    channel: 'text',
    subject: '',
    body: ['{{debtorName}}: we mailed you a letter about account {{accountReference}} on {{letterDate}}. This is a debt collector. Reply STOP to stop texts.'],
  },
  { id: 'second-demand', version: 1, channel: 'letter', subject: 'Second demand for payment', body: SECOND_DEMAND_BODY },
  { id: 'second-demand-email', version: 1, channel: 'email', subject: 'Second demand for payment: account {{accountReference}}', body: SECOND_DEMAND_BODY },
  { id: 'final-demand', version: 1, channel: 'letter', subject: 'Final demand for payment', body: FINAL_DEMAND_BODY },
  { id: 'final-demand-email', version: 1, channel: 'email', subject: 'Final demand for payment: account {{accountReference}}', body: FINAL_DEMAND_BODY },
];

/** The template of that id and version; a message that names one that does not exist is a bug, not input. */
export function templateOf(id: string, version: number): MessageTemplate {
  const template = MESSAGE_TEMPLATES.find((t) => t.id === id && t.version === version);
  if (!template) throw new RangeError(`no message template ${id} v${version}`);
  return template;
}

/** The newest version of a template: what new messages use. */
export function latestTemplate(id: string): MessageTemplate {
  const versions = MESSAGE_TEMPLATES.filter((t) => t.id === id);
  if (versions.length === 0) throw new RangeError(`no message template ${id}`);
  return versions.reduce((newest, t) => (t.version > newest.version ? t : newest));
}

export interface RenderedText {
  subject: string;
  lines: string[];
}

/** Fills a template; a placeholder without data is an error, never an empty gap in a legal notice. */
export function renderTemplate(template: MessageTemplate, data: TemplateData): RenderedText {
  const fill = (text: string) =>
    text.replace(/\{\{(money:)?([A-Za-z]+)\}\}/g, (_match, money: string | undefined, name: string) => {
      const value = data[name];
      if (value === undefined) throw new RangeError(`template ${template.id} v${template.version} needs ${name}`);
      if (!money) return String(value);
      if (typeof value !== 'number') throw new RangeError(`template ${template.id} v${template.version}: ${name} must be minor units`);
      return `${data.currency} ${formatMajorUnits(value, String(data.currency))}`;
    });
  return { subject: fill(template.subject), lines: template.body.map(fill) };
}
