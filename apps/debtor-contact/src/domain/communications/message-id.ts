import { createHash } from 'node:crypto';

/**
 * A message's id, derived from what it is for (account, purpose, channel) rather than
 * drawn at random: the same decision, taken again after a redelivery or a crash, names
 * the same message, and the id shaped as a UUID serves as the letter's id in URLs.
 */
export function messageIdFor(accountId: string, purpose: string, channel: string): string {
  const hex = createHash('sha256').update(`${accountId}\u0000${purpose}\u0000${channel}`).digest('hex');
  // RFC 4122 layout, version 5 nibble and variant bits, like a name-based UUID.
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The SMTP Message-ID of a message: the same on every attempt, so a resend is recognisable as one. */
export const smtpMessageIdOf = (messageId: string): string => `<${messageId}@debtor-contact.collections.invalid>`;

/** `pat.doe@example.com` -> `p***@example.com`; `+12125550123` -> `********0123`. */
export function maskRecipient(channel: 'email' | 'letter' | 'text', recipient: string): string {
  if (channel === 'email') {
    const at = recipient.lastIndexOf('@');
    return at <= 0 ? '***' : `${recipient[0]}***${recipient.slice(at)}`;
  }
  if (channel === 'text') return recipient.length <= 4 ? '****' : `${'*'.repeat(recipient.length - 4)}${recipient.slice(-4)}`;
  return recipient;
}
