import { join } from 'node:path';
import type { AppConfig } from '@lib/config';
import type { ChannelSender, MessageChannels } from '../../domain/communications/communications.port';
import { LocalEmailSender, LocalLetterSender, LocalTextSender } from './local-channels';
import { PermanentSendError } from './message-dispatcher';
import { SmtpEmailSender } from './smtp-email.sender';

/** EMAIL_DELIVERY=off: an email the rules allowed is recorded as failed, never silently dropped. */
const emailOff: ChannelSender = {
  send: () => Promise.reject(new PermanentSendError('email delivery is off (EMAIL_DELIVERY=off): set SMTP_URL and EMAIL_FROM to send email')),
};

/**
 * The folder local adapters write into: `outbox` beside the process's PGlite data (the
 * all-in-one demo: `.data/all-in-one/outbox`), `.data/<app>/outbox` on another store,
 * nothing (memory only) when the data itself is in memory.
 */
export function outboxFolder(config: AppConfig): string | undefined {
  if (config.eventStore.kind === 'pglite') return config.eventStore.dataDir === undefined ? undefined : join(config.eventStore.dataDir, 'outbox');
  return join('.data', config.app, 'outbox');
}

/** The communications port's adapters, as the configuration chooses; `onClose` closes what holds connections. */
export function channelsFor(config: AppConfig, onClose: (close: () => Promise<void>) => void): MessageChannels {
  const folder = outboxFolder(config);
  let email: ChannelSender;
  if (config.email.delivery === 'smtp') {
    const smtp = new SmtpEmailSender(config.email.smtp, config.email.from);
    onClose(async () => smtp.close());
    email = smtp;
  } else {
    email = config.email.delivery === 'local' ? new LocalEmailSender(folder ? join(folder, 'email') : undefined) : emailOff;
  }
  return { email, text: new LocalTextSender(folder ? join(folder, 'text') : undefined), letter: new LocalLetterSender() };
}
