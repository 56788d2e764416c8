import type { MessageChannel } from './message.events';

/** A message ready to leave: rendered, hashed, and named by the id every attempt shares. */
export interface RenderedMessage {
  messageId: string;
  channel: MessageChannel;
  /** Full address (email, phone) or, for a letter, the addressee. */
  recipient: string;
  subject: string;
  text: string;
  /** A letter's PDF. */
  pdf?: Buffer;
  /** SHA-256 (hex) of the PDF for a letter, of subject and text otherwise. */
  contentSha256: string;
  /** When it is sent, from the clock port (an email's Date header). */
  sentAt?: Date;
}

/**
 * One outbound channel's provider. `send` resolves once the provider accepted the message
 * and rejects when it did not (the dispatcher retries, then records the failure). It must
 * be safe to call again with the same `messageId` after a crash: the provider either
 * recognises the id (SMTP Message-ID, a file named by it) or the repeat is visible as one.
 */
export interface ChannelSender {
  send(message: RenderedMessage): Promise<{ providerMessageId: string }>;
}

/** The communications port: a sender per channel. */
export type MessageChannels = Record<MessageChannel, ChannelSender>;
