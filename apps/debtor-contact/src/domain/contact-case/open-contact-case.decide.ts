import { Decision } from '@lib/es-core';
import { OpenContactCase } from './contact-case.commands';
import { ContactCaseEvent } from './contact-case.events';
import { ContactCaseState } from './contact-case.state';

/** The first notice of the default strategy: day 0, a letter. */
export const FIRST_NOTICE = { noticeType: 'first-demand', channel: 'letter' } as const;

/**
 * A placed account opens its case and the first demand goes out in the same decision, so
 * no case ever exists without it. A second placement message for the account changes nothing.
 */
export function decideOpenContactCase(command: OpenContactCase, state: ContactCaseState): Decision<ContactCaseEvent> {
  if (state.status !== 'none') return [];
  const { accountId, clientId, commercial, debtor, currency, placedAmount, now } = command;
  const at = now.toISOString();
  return [
    { type: 'ContactCaseOpened', data: { accountId, clientId, commercial, debtor, currency, placedAmount, openedAt: at } },
    { type: 'NoticeSent', data: { accountId, clientId, ...FIRST_NOTICE, sentAt: at } },
  ];
}
