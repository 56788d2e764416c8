import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig, ConfigError, loadConfig, MIN_STAFF_TOKEN_SECRET_LENGTH } from '@lib/config';
import type { AgencyContact } from './portal.dependencies';

export const PORTAL_DEFAULT_PORT = 3006;

export interface PortalSettings {
  linkSecret: string;
  /** Set when the secret was made for the all-in-one demo: where it is kept (null: in memory only). */
  demoSecretFile?: string | null;
  publicUrl: string;
  provider: { kind: 'local' } | { kind: 'stripe'; secretKey: string; webhookSecret: string; apiBase?: string };
  agency: AgencyContact;
  /** The folder dispute documents are kept in; null: in memory (an all-in-one whose store is in memory). */
  documentsDir: string | null;
  /** Set when the portal runs without debtor contact and payments in its process. */
  remote?: { debtorContact: string; payments: string; staffTokenSecret: string };
}

type Env = Record<string, string | undefined>;

const DEMO_AGENCY: AgencyContact = {
  name: 'Northwind Recovery Services',
  phone: '+1 (212) 555-0199',
  email: 'help@northwind-recovery.example',
  address: '100 Demo Street, New York, NY 10001',
  hours: 'Monday to Friday, 8:00 to 18:00 Eastern',
};

/**
 * The portal's settings. `standalone`: the portal's own process, which refuses to start
 * without its link secret, public URL, payment provider and the other services' URLs. In
 * the all-in-one (`demo`), a missing link secret is made once and kept in the data folder,
 * the public URL is the process's own, the provider is the local checkout stand-in and
 * the agency is a demo one.
 */
export function portalSettings(config: AppConfig, env: Env, mode: 'standalone' | 'demo', localServices: boolean): PortalSettings {
  const problems: string[] = [];
  const get = (name: string) => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  let linkSecret = get('PORTAL_LINK_SECRET');
  let demoSecretFile: string | null | undefined;
  if (linkSecret !== undefined && linkSecret.length < 32) problems.push('PORTAL_LINK_SECRET must be at least 32 characters (a long random secret)');
  if (linkSecret === undefined) {
    if (mode === 'standalone') problems.push('PORTAL_LINK_SECRET is required: personal links are signed with it (make one with `openssl rand -base64 48`)');
    else ({ secret: linkSecret, file: demoSecretFile } = demoLinkSecret(config));
  }
  const publicUrl = (get('PORTAL_PUBLIC_URL') ?? (mode === 'demo' ? `http://localhost:${config.port}` : undefined))?.replace(/\/+$/, '');
  if (!publicUrl) problems.push('PORTAL_PUBLIC_URL is required: the links in letters and emails point there');
  else if (!/^https?:\/\//.test(publicUrl)) problems.push(`PORTAL_PUBLIC_URL must be an http(s) URL (got "${publicUrl}")`);

  const providerKind = get('PAYMENT_PROVIDER') ?? (mode === 'demo' ? 'local' : undefined);
  let provider: PortalSettings['provider'] = { kind: 'local' };
  if (providerKind === 'stripe') {
    const secretKey = get('STRIPE_SECRET_KEY');
    const webhookSecret = get('STRIPE_WEBHOOK_SECRET');
    if (!secretKey) problems.push('STRIPE_SECRET_KEY is required when PAYMENT_PROVIDER=stripe');
    if (!webhookSecret) problems.push('STRIPE_WEBHOOK_SECRET is required when PAYMENT_PROVIDER=stripe (the webhook endpoint\'s signing secret, whsec_…)');
    provider = { kind: 'stripe', secretKey: secretKey ?? '', webhookSecret: webhookSecret ?? '', apiBase: get('STRIPE_API_BASE') };
  } else if (providerKind === 'local') {
    if (mode === 'standalone' && get('PORTAL_ALLOW_LOCAL_CHECKOUT') !== 'true') problems.push('PAYMENT_PROVIDER=local takes no real money: a portal process runs it only with PORTAL_ALLOW_LOCAL_CHECKOUT=true');
  } else {
    problems.push(`PAYMENT_PROVIDER must be stripe or local (got "${providerKind ?? ''}")`);
  }

  const agency: AgencyContact = {
    name: get('AGENCY_NAME') ?? DEMO_AGENCY.name,
    phone: get('AGENCY_PHONE') ?? DEMO_AGENCY.phone,
    email: get('AGENCY_EMAIL') ?? DEMO_AGENCY.email,
    address: get('AGENCY_ADDRESS') ?? DEMO_AGENCY.address,
    hours: get('AGENCY_HOURS') ?? DEMO_AGENCY.hours,
  };
  if (mode === 'standalone') for (const name of ['AGENCY_NAME', 'AGENCY_PHONE', 'AGENCY_EMAIL', 'AGENCY_ADDRESS']) if (!get(name)) problems.push(`${name} is required: the portal shows the agency's contact details`);

  const documentsDir = get('PORTAL_DOCUMENTS_DIR') ?? defaultDocumentsDir(config, mode);

  let remote: PortalSettings['remote'];
  if (!localServices) {
    const debtorContact = config.serviceUrls['debtor-contact'];
    const payments = config.serviceUrls.payments;
    if (!debtorContact) problems.push('DEBTOR_CONTACT_URL is required: the portal reads cases and agrees plans there');
    if (!payments) problems.push('PAYMENTS_URL is required: the portal reads ledgers and posts payments there');
    const staffTokens = config.staffTokens;
    if (staffTokens?.kind !== 'secret' || staffTokens.secret.length < MIN_STAFF_TOKEN_SECRET_LENGTH) {
      problems.push('STAFF_TOKEN_SECRET is required: the portal signs its own short-lived staff token to call debtor contact and payments');
    }
    remote = { debtorContact: debtorContact ?? '', payments: payments ?? '', staffTokenSecret: staffTokens?.kind === 'secret' ? staffTokens.secret : '' };
  }
  if (problems.length > 0) throw new ConfigError(config.app, problems);
  return { linkSecret: linkSecret!, demoSecretFile, publicUrl: publicUrl!, provider, agency, documentsDir, remote };
}

/** Beside the all-in-one's own data (none when that is in memory); the portal process's under `.data/portal`. */
function defaultDocumentsDir(config: AppConfig, mode: 'standalone' | 'demo'): string | null {
  if (mode === 'standalone') return join('.data', 'portal', 'documents');
  if (config.eventStore.kind !== 'pglite') return join('.data', config.app, 'portal-documents');
  return config.eventStore.dataDir ? join(config.eventStore.dataDir, 'portal-documents') : null;
}

export const DEMO_LINK_SECRET_FILE = 'portal-link-secret';

const inMemorySecrets = new WeakMap<AppConfig, string>();

/**
 * The all-in-one's link secret: made once and kept in its data folder, so links in letters
 * outlive a restart; in memory, one per process configuration, so debtor contact (letters)
 * and the portal (pages) of one process sign alike.
 */
function demoLinkSecret(config: AppConfig): { secret: string; file: string | null } {
  const dataDir = config.eventStore.kind === 'pglite' ? config.eventStore.dataDir : `.data/${config.app}`;
  if (!dataDir) {
    const secret = inMemorySecrets.get(config) ?? randomBytes(48).toString('base64url');
    inMemorySecrets.set(config, secret);
    return { secret, file: null };
  }
  const file = join(dataDir, DEMO_LINK_SECRET_FILE);
  if (existsSync(file)) return { secret: readFileSync(file, 'utf8').trim(), file };
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return { secret, file };
}

/**
 * How another service signs personal links (debtor contact, for its letters and emails):
 * in the all-in-one as the portal does; elsewhere only when PORTAL_LINK_SECRET and
 * PORTAL_PUBLIC_URL are both set, else undefined (messages go without a link).
 */
export function linkSigningOf(config: AppConfig, env: Env): { linkSecret: string; publicUrl: string } | undefined {
  const secret = env.PORTAL_LINK_SECRET?.trim();
  const publicUrl = env.PORTAL_PUBLIC_URL?.trim().replace(/\/+$/, '');
  if (config.app === 'all-in-one') {
    return { linkSecret: secret || demoLinkSecret(config).secret, publicUrl: publicUrl || `http://localhost:${config.port}` };
  }
  if (!secret || secret.length < 32 || !publicUrl) return undefined;
  return { linkSecret: secret, publicUrl };
}

/** The portal's own process: the shared variables (PORTAL_PORT over PORT) plus the portal's. */
export function loadPortalConfig(env: Env = process.env): AppConfig {
  const config = loadConfig('portal', env, { port: PORTAL_DEFAULT_PORT });
  portalSettings(config, env, 'standalone', false);
  return config;
}
