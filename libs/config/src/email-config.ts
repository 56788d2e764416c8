/**
 * How a process sends email. `smtp`: through an SMTP server (SMTP_URL, or SMTP_HOST with
 * SMTP_PORT, SMTP_SECURE, SMTP_USER, SMTP_PASS) from EMAIL_FROM. `local`: nothing leaves
 * the machine; each message is written as an .eml file under the process's data folder
 * (the all-in-one demo's default). `off`: no email is sent at all.
 */
export type EmailConfig =
  | { delivery: 'smtp'; from: string; smtp: SmtpServerConfig }
  | { delivery: 'local' }
  | { delivery: 'off' };

export type SmtpServerConfig = { url: string } | { host: string; port: number; secure: boolean; user?: string; pass?: string };

export const EMAIL_DELIVERIES = ['smtp', 'local', 'off'] as const;

/**
 * Reads EMAIL_DELIVERY and the SMTP variables. Without EMAIL_DELIVERY, SMTP settings mean
 * `smtp`; without them the all-in-one demo writes .eml files (`local`) and a service
 * started alone sends none (`off`). Asking for `smtp` without a server or a from-address
 * is a problem: the process refuses to start rather than drop every email.
 */
export function emailConfig(get: (name: string) => string | undefined, problems: string[], app: string): EmailConfig {
  const url = get('SMTP_URL');
  const host = get('SMTP_HOST');
  const requested = get('EMAIL_DELIVERY');
  const delivery = requested ?? (url || host ? 'smtp' : app === 'all-in-one' ? 'local' : 'off');
  if (!(EMAIL_DELIVERIES as readonly string[]).includes(delivery)) {
    problems.push(`EMAIL_DELIVERY must be one of ${EMAIL_DELIVERIES.join(', ')} (got "${delivery}")`);
    return { delivery: 'off' };
  }
  if (delivery !== 'smtp') return { delivery: delivery as 'local' | 'off' };

  const from = get('EMAIL_FROM');
  if (!from || !/^[^@\s<>]+@[^@\s<>]+$/.test(from)) problems.push(`EMAIL_FROM is required when email goes out over SMTP: the sender's address, e.g. notices@agency.example (got "${from ?? ''}")`);
  if (url) {
    if (!/^smtps?:\/\//.test(url)) problems.push(`SMTP_URL must be an smtp:// or smtps:// URL (got "${url.replace(/\/\/[^@]*@/, '//***@')}")`);
    return { delivery: 'smtp', from: from ?? '', smtp: { url } };
  }
  if (!host) {
    problems.push('SMTP_URL (or SMTP_HOST) is required when EMAIL_DELIVERY=smtp');
    return { delivery: 'smtp', from: from ?? '', smtp: { url: '' } };
  }
  const port = Number(get('SMTP_PORT') ?? 587);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) problems.push(`SMTP_PORT must be a port number (got "${get('SMTP_PORT')}")`);
  const secureText = get('SMTP_SECURE') ?? String(port === 465);
  if (!['true', 'false'].includes(secureText)) problems.push(`SMTP_SECURE must be true or false (got "${secureText}")`);
  const [user, pass] = [get('SMTP_USER'), get('SMTP_PASS')];
  if ((user === undefined) !== (pass === undefined)) problems.push('SMTP_USER and SMTP_PASS go together');
  return { delivery: 'smtp', from: from ?? '', smtp: { host, port, secure: secureText === 'true', ...(user ? { user } : {}), ...(pass ? { pass } : {}) } };
}
