import type { Transporter } from 'nodemailer';
import { nodemailer } from './nodemailer';
import type { SmtpServerConfig } from '@lib/config';
import type { ChannelSender, RenderedMessage } from '../../domain/communications/communications.port';
import { smtpMessageIdOf } from '../../domain/communications/message-id';

/** The SMTP transport options of the configuration: a URL as given, or host, port and credentials. */
function transportOptions(smtp: SmtpServerConfig) {
  if ('url' in smtp) return smtp.url;
  return { host: smtp.host, port: smtp.port, secure: smtp.secure, ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.pass } } : {}) };
}

/**
 * Email over SMTP. The Message-ID is derived from the message id, so a message sent again
 * after a crash carries the same Message-ID and a receiving system can see it is a repeat.
 */
export class SmtpEmailSender implements ChannelSender {
  private readonly transport: Transporter;

  constructor(
    smtp: SmtpServerConfig,
    private readonly from: string,
  ) {
    this.transport = nodemailer().createTransport(transportOptions(smtp));
  }

  async send(message: RenderedMessage): Promise<{ providerMessageId: string }> {
    const messageId = smtpMessageIdOf(message.messageId);
    await this.transport.sendMail({ from: this.from, to: message.recipient, subject: message.subject, text: message.text, ...(message.sentAt ? { date: message.sentAt } : {}), messageId });
    return { providerMessageId: messageId };
  }

  close(): void {
    this.transport.close();
  }
}
