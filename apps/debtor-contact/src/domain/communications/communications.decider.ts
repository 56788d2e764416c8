import { Decider, Decision, isRejection, reject } from '@lib/es-core';
import { ComplianceRule, reviewContact } from '../compliance/compliance-rule';
import { contactComplianceRules } from '../compliance/compliance-rules';
import { ContactCaseCommand } from '../contact-case/contact-case.commands';
import { contactCaseDecider } from '../contact-case/contact-case.decider';
import { ComplianceDecision, ContactCaseEvent } from '../contact-case/contact-case.events';
import { ContactCaseState } from '../contact-case/contact-case.state';
import { maskRecipient } from './message-id';
import { templateOf } from './templates';
import { MessageQueued } from './message.events';
import { OpenContactCaseWithNotice, queueFirstNotice } from './first-notice';

export type MessageStatus = 'queued' | 'sent' | 'cancelled' | 'failed';

/** A message of the case as its events tell it. */
export interface CaseMessage {
  queued: MessageQueued['data'];
  status: MessageStatus;
  contentSha256?: string;
  sentAt?: string;
}

/** The contact case and the messages decided for it. */
export interface CommunicationsState {
  contactCase: ContactCaseState;
  messages: Record<string, CaseMessage>;
}

/** The port took the message: record it, with the rules that allowed it when it left. */
export interface RecordMessageSent {
  type: 'RecordMessageSent';
  messageId: string;
  contentSha256: string;
  providerMessageId: string;
  compliance: ComplianceDecision[];
  /** The stream version the rules judged the case at. */
  judgedAtVersion: number;
  now: Date;
}

/** A rule stopped a queued message before it left. */
export interface CancelMessage {
  type: 'CancelMessage';
  messageId: string;
  rule: string;
  version: number;
  reason: string;
  now: Date;
}

/** The port refused the message on every attempt. */
export interface RecordMessageFailed {
  type: 'RecordMessageFailed';
  messageId: string;
  error: string;
  attempts: number;
  now: Date;
}

export type CommunicationsCommand = Exclude<ContactCaseCommand, { type: 'OpenContactCase' }> | OpenContactCaseWithNotice | RecordMessageSent | CancelMessage | RecordMessageFailed;

function evolveMessages(messages: Record<string, CaseMessage>, event: ContactCaseEvent): Record<string, CaseMessage> {
  switch (event.type) {
    case 'MessageQueued':
      return { ...messages, [event.data.messageId]: { queued: event.data, status: 'queued' } };
    case 'MessageSent': {
      const message = messages[event.data.messageId];
      return message ? { ...messages, [event.data.messageId]: { ...message, status: 'sent', contentSha256: event.data.contentSha256, sentAt: event.data.sentAt } } : messages;
    }
    case 'MessageCancelled':
    case 'MessageFailed': {
      const message = messages[event.data.messageId];
      return message ? { ...messages, [event.data.messageId]: { ...message, status: event.type === 'MessageCancelled' ? 'cancelled' : 'failed' } } : messages;
    }
    default:
      return messages;
  }
}

/** A message only the dispatcher moves on, and only while it is queued: a repeat finds it settled and adds nothing. */
function settle(state: CommunicationsState, messageId: string, settled: (queued: MessageQueued['data']) => ContactCaseEvent): Decision<ContactCaseEvent> {
  const message = state.messages[messageId];
  if (!message) return reject('message-unknown', `no message ${messageId} on this case`);
  if (message.status !== 'queued') return [];
  return [settled(message.queued)];
}

/**
 * The contact case with its outbound messages: the case's own decider judges every case
 * command, and the opening also queues the first notice's messages in the same append, so
 * a case never exists without them and a redelivered placement queues nothing again.
 */
export const communicationsDecider: Decider<CommunicationsState, CommunicationsCommand, ContactCaseEvent> = {
  initialState: () => ({ contactCase: contactCaseDecider.initialState(), messages: {} }),
  evolve: (state, event) => ({ contactCase: contactCaseDecider.evolve(state.contactCase, event), messages: evolveMessages(state.messages, event) }),
  decide(command, state) {
    switch (command.type) {
      case 'OpenContactCase': {
        const decided = contactCaseDecider.decide(command, state.contactCase);
        if (isRejection(decided) || !decided.some((event) => event.type === 'NoticeSent')) return decided;
        return [...decided, ...queueFirstNotice(command)];
      }
      case 'RecordMessageSent':
        return settle(state, command.messageId, (queued) => ({
          type: 'MessageSent',
          data: {
            accountId: queued.accountId,
            clientId: queued.clientId,
            messageId: queued.messageId,
            channel: queued.channel,
            templateId: queued.templateId,
            templateVersion: queued.templateVersion,
            contentSha256: command.contentSha256,
            to: maskRecipient(queued.channel, queued.recipient),
            providerMessageId: command.providerMessageId,
            sentAt: command.now.toISOString(),
            compliance: command.compliance,
            judgedAtVersion: command.judgedAtVersion,
          },
        }));
      case 'CancelMessage':
        return settle(state, command.messageId, (queued) => ({
          type: 'MessageCancelled',
          data: {
            accountId: queued.accountId,
            clientId: queued.clientId,
            messageId: queued.messageId,
            channel: queued.channel,
            rule: command.rule,
            version: command.version,
            reason: command.reason,
            cancelledAt: command.now.toISOString(),
          },
        }));
      case 'RecordMessageFailed':
        return settle(state, command.messageId, (queued) => ({
          type: 'MessageFailed',
          data: { accountId: queued.accountId, clientId: queued.clientId, messageId: queued.messageId, channel: queued.channel, error: command.error, attempts: command.attempts, failedAt: command.now.toISOString() },
        }));
      default:
        return contactCaseDecider.decide(command, state.contactCase);
    }
  },
};

/** What the dispatcher may do with a message now. */
export type DispatchVerdict =
  | { action: 'none' }
  | { action: 'send'; message: MessageQueued['data']; compliance: ComplianceDecision[] }
  | { action: 'cancel'; denial: { rule: string; version: number; reason: string } };

/**
 * Whether a queued message may leave now. The rules judge it at sending time as well as
 * when it was decided: a case closed (or any contact barred) in between stops it.
 */
export function judgeDispatch(state: CommunicationsState, messageId: string, now: Date, rules: readonly ComplianceRule[] = contactComplianceRules): DispatchVerdict {
  const message = state.messages[messageId];
  if (!message || message.status !== 'queued' || state.contactCase.status === 'none') return { action: 'none' };
  const template = templateOf(message.queued.templateId, message.queued.templateVersion);
  const outcome = reviewContact(
    rules,
    { channel: message.queued.channel, direction: 'outbound', template: { id: template.id, version: template.version, threatensSuit: template.threatensSuit === true }, now },
    state.contactCase,
  );
  if (!outcome.allowed) return { action: 'cancel', denial: { rule: outcome.denial.rule, version: outcome.denial.version, reason: outcome.denial.reason } };
  return { action: 'send', message: message.queued, compliance: outcome.decisions };
}
