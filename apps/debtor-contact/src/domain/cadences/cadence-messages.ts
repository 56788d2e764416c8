import { Decider } from '@lib/es-core';
import { CommunicationsState, communicationsDecider } from '../communications/communications.decider';
import { FIRST_NOTICE_PURPOSE } from '../communications/first-notice';
import { messageIdFor } from '../communications/message-id';
import { MessageQueued } from '../communications/message.events';
import { latestTemplate } from '../communications/templates';
import type { ContactCaseEvent } from '../contact-case/contact-case.events';
import type { StepAction } from './contact-strategy';

/** A letter step of the cadence: queue its letter (and email) on the case, as the first notice's messages are. */
export interface QueueCadenceLetter {
  type: 'QueueCadenceLetter';
  index: number;
  action: StepAction;
  now: Date;
}

/** Why a cadence message goes out: the step, so the same step always names the same messages. */
export const cadencePurpose = (index: number, action: StepAction) => `cadence-${index}-${action}`;

/**
 * The messages of a letter step, appended to the case's stream for the dispatcher: a
 * letter to the debtor, and the same text by email to the first address not marked
 * do-not-contact. Only on an open case (a closed one gets no letter), and only once per
 * step (the message ids are derived from account and step, and a queued one is not queued again).
 */
export const cadenceLetterDecider: Decider<CommunicationsState, QueueCadenceLetter, ContactCaseEvent> = {
  initialState: communicationsDecider.initialState,
  evolve: communicationsDecider.evolve,
  decide(command, state) {
    const contactCase = state.contactCase;
    if (contactCase.status !== 'open') return [];
    const { accountId, clientId, debtor, currency, placedAmount, openedAt } = contactCase;
    const purpose = cadencePurpose(command.index, command.action);
    const letterDate = command.now.toISOString().slice(0, 10);
    const firstNotice = Object.values(state.messages).find((message) => message.queued.purpose === FIRST_NOTICE_PURPOSE);
    const data = {
      debtorName: debtor.legalName,
      accountReference: accountId.slice(0, 8).toUpperCase(),
      letterDate,
      firstNoticeDate: firstNotice?.queued.queuedAt.slice(0, 10) ?? openedAt.slice(0, 10),
      currency,
      currentAmount: placedAmount,
    };
    const email = debtor.emails?.find((candidate) => !candidate.doNotContact)?.address;
    const wanted: Array<[MessageQueued['data']['channel'], string, string]> = [
      ['letter', command.action, [debtor.legalName, debtor.region, debtor.country].filter(Boolean).join(', ')],
      ...(email ? [['email', `${command.action}-email`, email] as [MessageQueued['data']['channel'], string, string]] : []),
    ];
    return wanted
      .map(([channel, templateId, recipient]): MessageQueued => {
        const template = latestTemplate(templateId);
        return {
          type: 'MessageQueued',
          data: { accountId, clientId, messageId: messageIdFor(accountId, purpose, channel), channel, purpose, templateId: template.id, templateVersion: template.version, recipient, data, queuedAt: command.now.toISOString() },
        };
      })
      .filter((message) => state.messages[message.data.messageId] === undefined);
  },
};
