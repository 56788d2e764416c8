import { ConfigError, loadConfig } from './config';

const SECRET = 'x'.repeat(40);
const alone = (env: Record<string, string>) => loadConfig('debtor-contact', { STAFF_TOKEN_SECRET: SECRET, ...env }, { port: 1 });

describe('email configuration', () => {
  it('sends over SMTP when SMTP_URL is set, from EMAIL_FROM', () => {
    expect(alone({ SMTP_URL: 'smtp://mail.example:2525', EMAIL_FROM: 'notices@agency.example' }).email).toEqual({
      delivery: 'smtp',
      from: 'notices@agency.example',
      smtp: { url: 'smtp://mail.example:2525' },
    });
  });

  it('takes host, port, credentials and TLS apart, port 465 meaning TLS', () => {
    expect(alone({ SMTP_HOST: 'mail.example', SMTP_PORT: '465', SMTP_USER: 'u', SMTP_PASS: 'p', EMAIL_FROM: 'notices@agency.example' }).email).toEqual({
      delivery: 'smtp',
      from: 'notices@agency.example',
      smtp: { host: 'mail.example', port: 465, secure: true, user: 'u', pass: 'p' },
    });
  });

  it('refuses to start a service that asks for SMTP without a server or a from-address, naming both', () => {
    expect(() => alone({ EMAIL_DELIVERY: 'smtp' })).toThrow(ConfigError);
    try {
      alone({ EMAIL_DELIVERY: 'smtp' });
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toContain('EMAIL_FROM is required');
      expect(problems).toContain('SMTP_URL (or SMTP_HOST) is required');
    }
    expect(() => alone({ SMTP_URL: 'smtp://mail.example' })).toThrow(/EMAIL_FROM is required/);
    expect(() => alone({ SMTP_URL: 'http://mail.example', EMAIL_FROM: 'a@b.example' })).toThrow(/SMTP_URL must be an smtp/);
    expect(() => alone({ SMTP_HOST: 'mail.example', SMTP_USER: 'u', EMAIL_FROM: 'a@b.example' })).toThrow(/SMTP_USER and SMTP_PASS go together/);
  });

  it('sends no email from a service alone without settings, and writes .eml files in the all-in-one demo', () => {
    expect(alone({}).email).toEqual({ delivery: 'off' });
    expect(loadConfig('all-in-one', {}, { port: 1, demoStaffTokensWhenUnset: true }).email).toEqual({ delivery: 'local' });
    expect(loadConfig('all-in-one', { SMTP_URL: 'smtp://mail.example', EMAIL_FROM: 'a@b.example' }, { port: 1, demoStaffTokensWhenUnset: true }).email.delivery).toBe('smtp');
    expect(() => alone({ EMAIL_DELIVERY: 'pigeon' })).toThrow(/EMAIL_DELIVERY must be one of smtp, local, off/);
  });
});
