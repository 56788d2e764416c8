import type { OpenContactCase } from '../contact-case/contact-case.commands';
import { Itemization } from './itemization';
import { messageIdFor } from './message-id';
import { MessageQueued } from './message.events';
import { latestTemplate, TemplateData, templateOf } from './templates';

/** What a placement tells about reaching the debtor and about the debt, beyond what the case keeps. */
export interface FirstNoticeFacts {
  clientReference: string;
  itemization: Itemization;
  email?: string;
  phone?: string;
  /** The debtor's personal portal link; letters and emails with it use the template versions that print it. */
  portalUrl?: string;
}

/** The opening of a case, with what its first notice needs. */
export type OpenContactCaseWithNotice = OpenContactCase & { firstNotice?: FirstNoticeFacts };

export const FIRST_NOTICE_PURPOSE = 'first-notice';

/** How long after the letter's date the debtor may dispute in writing: 30 days from receipt, receipt counted as 5 days after mailing. */
export const VALIDATION_PERIOD_DAYS = 35;

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The first notice of a newly opened case, as messages to send: for a consumer the
 * validation notice with its itemization, for a company the first demand; always a letter,
 * the same text by email when the placement gave an address, and a text saying a letter
 * was mailed when it gave a phone number. Only decisions: the dispatcher sends them.
 */
export function queueFirstNotice(command: OpenContactCaseWithNotice): MessageQueued[] {
  const facts = command.firstNotice;
  if (!facts) return [];
  const { accountId, clientId, commercial, debtor, now } = command;
  const letterDate = now.toISOString().slice(0, 10);
  const { itemization } = facts;
  const data: TemplateData = {
    debtorName: debtor.legalName,
    accountReference: accountId.slice(0, 8).toUpperCase(),
    clientReference: facts.clientReference,
    letterDate,
    validationPeriodEnds: addDays(letterDate, VALIDATION_PERIOD_DAYS),
    currency: itemization.currency,
    itemizationDate: itemization.itemizationDate,
    amountThen: itemization.amountThen,
    interest: itemization.interest,
    fees: itemization.fees,
    paymentsAndCredits: itemization.payments + itemization.credits,
    currentAmount: itemization.currentAmount,
    ...(facts.portalUrl ? { portalUrl: facts.portalUrl } : {}),
  };
  const letter = commercial ? 'first-demand' : 'validation-notice';
  const queued = (channel: MessageQueued['data']['channel'], templateId: string, recipient: string): MessageQueued => {
    const template = facts.portalUrl || channel === 'text' ? latestTemplate(templateId) : templateOf(templateId, 1);
    return {
      type: 'MessageQueued',
      data: {
        accountId,
        clientId,
        messageId: messageIdFor(accountId, FIRST_NOTICE_PURPOSE, channel),
        channel,
        purpose: FIRST_NOTICE_PURPOSE,
        templateId: template.id,
        templateVersion: template.version,
        recipient,
        data,
        queuedAt: now.toISOString(),
      },
    };
  };
  return [
    queued('letter', letter, [debtor.legalName, debtor.region, debtor.country].filter(Boolean).join(', ')),
    ...(facts.email ? [queued('email', `${letter}-email`, facts.email)] : []),
    ...(facts.phone ? [queued('text', 'letter-mailed-text', facts.phone)] : []),
  ];
}
