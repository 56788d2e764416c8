/**
 * What a deployment allows webhook endpoints to be. By default only https URLs whose
 * every address is public; the exceptions are explicit (docs/client-intake.md, "Webhooks").
 */
export interface WebhookSettings {
  /** `WEBHOOK_ALLOW_HTTP=true`: plain http URLs too (never in production). */
  allowHttp: boolean;
  /** `WEBHOOK_ALLOWED_HOSTS=a,b`: host names or IP literals exempt from the address check (e.g. `127.0.0.1` in tests). */
  allowedHosts: ReadonlySet<string>;
  /** `WEBHOOK_ALLOW_PRIVATE_NETWORKS=true`: private and unique-local addresses are allowed (loopback, link-local and metadata still are not). */
  allowPrivateNetworks: boolean;
  /** How long one attempt may take, connection to last byte. */
  timeoutMs: number;
}

export const DEFAULT_WEBHOOK_TIMEOUT_MS = 10_000;

function flag(env: Record<string, string | undefined>, name: string): boolean {
  const value = env[name]?.trim().toLowerCase();
  if (value === undefined || value === '' || value === 'false' || value === '0') return false;
  if (value === 'true' || value === '1') return true;
  throw new Error(`${name} must be true or false, got "${env[name]}"`);
}

/** Reads the settings from the environment; a malformed value stops the service at start. */
export function loadWebhookSettings(env: Record<string, string | undefined> = process.env): WebhookSettings {
  const hosts = (env.WEBHOOK_ALLOWED_HOSTS ?? '')
    .split(',')
    .map((host) => normalizeHost(host.trim()))
    .filter((host) => host.length > 0);
  const timeout = env.WEBHOOK_TIMEOUT_MS === undefined ? DEFAULT_WEBHOOK_TIMEOUT_MS : Number(env.WEBHOOK_TIMEOUT_MS);
  if (!Number.isInteger(timeout) || timeout < 100 || timeout > 60_000) throw new Error(`WEBHOOK_TIMEOUT_MS must be an integer from 100 to 60000, got "${env.WEBHOOK_TIMEOUT_MS}"`);
  return { allowHttp: flag(env, 'WEBHOOK_ALLOW_HTTP'), allowedHosts: new Set(hosts), allowPrivateNetworks: flag(env, 'WEBHOOK_ALLOW_PRIVATE_NETWORKS'), timeoutMs: timeout };
}

/** A URL's host as compared with the allowed list: lower case, an IPv6 literal without its brackets. */
export function normalizeHost(host: string): string {
  return host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
}
