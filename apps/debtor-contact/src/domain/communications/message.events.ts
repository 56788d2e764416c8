import type { DomainEvent } from '@lib/es-core';
import type { MessageChannel } from './message-channel';
import type { TemplateData } from './templates';

export type { MessageChannel } from './message-channel';

/**
 * A rule that allowed a message, as the compliance decision ledger records it: the shape
 * of `ComplianceDecision` (contact-case.events), written out because that file's event
 * union includes these events.
 */
export interface SendingDecision {
  rule: string;
  version: number;
  decision: 'allow';
  timeZones?: string[];
}

/**
 * The decision to send a message, appended before anything leaves: the dispatcher sends
 * what is queued and not yet sent. It carries everything the message is made of (template
 * id and version, the data filled in), so the content can be rendered again byte for byte.
 * `recipient` is the full address the port needs; every later record of it is masked.
 */
export type MessageQueued = DomainEvent<
  'MessageQueued',
  {
    accountId: string;
    clientId: string;
    messageId: string;
    channel: MessageChannel;
    /** Why it goes out, e.g. `first-notice`. */
    purpose: string;
    templateId: string;
    templateVersion: number;
    /** Email address or phone number; a letter's is the debtor's name and place. */
    recipient: string;
    data: TemplateData;
    queuedAt: string;
  }
>;

/** The port took the message. Its content is identified by hash; the recipient is masked. */
export type MessageSent = DomainEvent<
  'MessageSent',
  {
    accountId: string;
    clientId: string;
    messageId: string;
    channel: MessageChannel;
    templateId: string;
    templateVersion: number;
    /** SHA-256 (hex) of what was sent: the PDF bytes of a letter, the rendered text of an email or text. */
    contentSha256: string;
    /** Masked where it is personal data (email, phone). */
    to: string;
    /** The provider's id for it (SMTP Message-ID, derived from `messageId`). */
    providerMessageId: string;
    sentAt: string;
    /** The rules that allowed it at sending time... */
    compliance: SendingDecision[];
    /**
     * ...judging the case as it stood at this stream version. An event stored after it (a
     * closure arriving while the message was with the provider) did not stop it: the
     * message had left.
     */
    judgedAtVersion: number;
  }
>;

/** A queued message a rule stopped before it was sent (the case closed, ...); it never goes out. */
export type MessageCancelled = DomainEvent<
  'MessageCancelled',
  { accountId: string; clientId: string; messageId: string; channel: MessageChannel; rule: string; version: number; reason: string; cancelledAt: string }
>;

/** The port refused the message after every attempt; nothing was sent, the failure is on the record. */
export type MessageFailed = DomainEvent<
  'MessageFailed',
  { accountId: string; clientId: string; messageId: string; channel: MessageChannel; error: string; attempts: number; failedAt: string }
>;

export type MessageEvent = MessageQueued | MessageSent | MessageCancelled | MessageFailed;

export const MESSAGE_EVENT_TYPES: readonly MessageEvent['type'][] = ['MessageQueued', 'MessageSent', 'MessageCancelled', 'MessageFailed'];
