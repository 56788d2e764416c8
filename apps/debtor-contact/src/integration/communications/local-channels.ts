import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Transporter } from 'nodemailer';
import type { ChannelSender, MessageChannels, RenderedMessage } from '../../domain/communications/communications.port';
import { smtpMessageIdOf } from '../../domain/communications/message-id';
import { nodemailer } from './nodemailer';

/** What a local adapter was given, for a demo to show and a test to read. */
export interface RecordedMessage {
  messageId: string;
  providerMessageId: string;
  recipient: string;
  subject: string;
  text: string;
  contentSha256: string;
}

/**
 * Messages each local sender keeps in `sent`, the newest: enough for a demo or a test to
 * read what was just sent. The all-in-one uses these senders by default, and it sends a
 * letter for every placed account, so keeping every message made its heap grow with the
 * history (about 1.3 KB a letter: 6.8 MB at 5,000 accounts, docs/benchmarks.md).
 */
export const LOCAL_MESSAGES_KEPT = 100;

/** Adds `entry` as the newest of `sent`, dropping the oldest past {@link LOCAL_MESSAGES_KEPT}. */
function keepRecent(sent: RecordedMessage[], entry: RecordedMessage): void {
  sent.push(entry);
  if (sent.length > LOCAL_MESSAGES_KEPT) sent.splice(0, sent.length - LOCAL_MESSAGES_KEPT);
}

/** The address local .eml files say they are from: nothing is sent, so no real sender is needed. */
const LOCAL_FROM = 'notices@debtor-contact.collections.invalid';

/**
 * Email kept on this machine: each message is written as `<folder>/<messageId>.eml` (a
 * repeat overwrites the same file), or only kept in memory without a folder.
 */
export class LocalEmailSender implements ChannelSender {
  /** The newest messages sent, oldest first (at most {@link LOCAL_MESSAGES_KEPT}). */
  readonly sent: RecordedMessage[] = [];
  /** Made by the first email: a process that sends none does not load nodemailer. */
  private transport: Transporter | undefined;

  constructor(private readonly folder: string | undefined) {}

  async send(message: RenderedMessage): Promise<{ providerMessageId: string }> {
    const providerMessageId = smtpMessageIdOf(message.messageId);
    this.transport ??= nodemailer().createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    const info = await this.transport.sendMail({ from: LOCAL_FROM, to: message.recipient, subject: message.subject, text: message.text, ...(message.sentAt ? { date: message.sentAt } : {}), messageId: providerMessageId });
    if (this.folder) {
      await mkdir(this.folder, { recursive: true });
      await writeFile(join(this.folder, `${message.messageId}.eml`), info.message as Buffer);
    }
    keepRecent(this.sent, recorded(message, providerMessageId));
    return { providerMessageId };
  }
}

/**
 * The text provider's local stand-in: records each message, and appends it as a JSON line
 * to `<folder>/texts.ndjson` when given a folder. No message leaves the machine.
 */
export class LocalTextSender implements ChannelSender {
  /** The newest messages sent, oldest first (at most {@link LOCAL_MESSAGES_KEPT}). */
  readonly sent: RecordedMessage[] = [];

  constructor(private readonly folder: string | undefined) {}

  async send(message: RenderedMessage): Promise<{ providerMessageId: string }> {
    const providerMessageId = `local-text-${message.messageId}`;
    const entry = recorded(message, providerMessageId);
    if (this.folder) {
      await mkdir(this.folder, { recursive: true });
      await appendFile(join(this.folder, 'texts.ndjson'), `${JSON.stringify(entry)}\n`);
    }
    keepRecent(this.sent, entry);
    return { providerMessageId };
  }
}

/**
 * Letters handed to no print-and-mail vendor yet: the PDF is what the debtor is sent, and
 * it is rendered again on download from its event, so this adapter only records it.
 */
export class LocalLetterSender implements ChannelSender {
  /** The newest letters sent, oldest first (at most {@link LOCAL_MESSAGES_KEPT}). */
  readonly sent: RecordedMessage[] = [];

  async send(message: RenderedMessage): Promise<{ providerMessageId: string }> {
    const providerMessageId = `local-letter-${message.messageId}`;
    keepRecent(this.sent, recorded(message, providerMessageId));
    return { providerMessageId };
  }
}

function recorded(message: RenderedMessage, providerMessageId: string): RecordedMessage {
  const { messageId, recipient, subject, text, contentSha256 } = message;
  return { messageId, providerMessageId, recipient, subject, text, contentSha256 };
}

/** Every channel local: tests that do not look at messages, and demos without providers. */
export function localChannels(folder?: string): MessageChannels & { email: LocalEmailSender; text: LocalTextSender; letter: LocalLetterSender } {
  return {
    email: new LocalEmailSender(folder ? join(folder, 'email') : undefined),
    text: new LocalTextSender(folder ? join(folder, 'text') : undefined),
    letter: new LocalLetterSender(),
  };
}
