import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { blockedAddressReason } from './address-policy';
import { normalizeHost, WebhookSettings } from './webhook-settings';

/** Resolves a host name to every address it has (node's `dns.lookup` with `all`). */
export type ResolveAll = (host: string) => Promise<LookupAddress[]>;

export const resolveAll: ResolveAll = (host) =>
  new Promise((resolve, reject) => dnsLookup(host, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));

export const MAX_WEBHOOK_URL_LENGTH = 2048;

/** What the URL says before any resolution: its scheme, its form, whether its host is exempt. */
export function urlShapeProblem(raw: string, settings: WebhookSettings): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not an absolute URL';
  }
  if (raw.length > MAX_WEBHOOK_URL_LENGTH) return `longer than ${MAX_WEBHOOK_URL_LENGTH} characters`;
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && settings.allowHttp)) {
    return settings.allowHttp ? 'must be http or https' : 'must be https (this deployment does not allow plain http)';
  }
  if (url.username || url.password) return 'must not carry credentials';
  if (url.hash) return 'must not have a fragment';
  return null;
}

/**
 * Why a webhook may not go to this URL now, or null when it may: its shape, then every
 * address its host resolves to (one bad address is enough: a client must not be able to
 * aim a name at both a public and an internal address). Run at registration and again at
 * each delivery, since DNS can change; the delivery also checks the address it connects to.
 */
export async function webhookUrlProblem(raw: string, settings: WebhookSettings, resolve: ResolveAll = resolveAll): Promise<string | null> {
  const shape = urlShapeProblem(raw, settings);
  if (shape) return shape;
  const host = normalizeHost(new URL(raw).hostname);
  if (settings.allowedHosts.has(host)) return null;
  let addresses: string[];
  if (isIP(host) !== 0) addresses = [host];
  else {
    try {
      addresses = (await resolve(host)).map((a) => a.address);
    } catch (error) {
      return `host ${host} does not resolve (${(error as NodeJS.ErrnoException).code ?? 'lookup failed'})`;
    }
  }
  if (addresses.length === 0) return `host ${host} has no address`;
  for (const address of addresses) {
    const reason = blockedAddressReason(address, settings.allowPrivateNetworks);
    if (reason) return `host ${host} resolves to a refused address: ${reason}`;
  }
  return null;
}

/**
 * A `lookup` for node's http/https `request`: resolves as usual, then refuses the
 * connection when an address is refused. The address checked is the address connected
 * to, so a name re-pointed between the check and the connection (DNS rebinding) is caught.
 */
export function guardedLookup(settings: WebhookSettings) {
  return (hostname: string, options: object, callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void): void => {
    dnsLookup(hostname, { ...options, all: true, verbatim: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const host = normalizeHost(hostname);
      if (!settings.allowedHosts.has(host)) {
        for (const { address } of addresses) {
          const reason = blockedAddressReason(address, settings.allowPrivateNetworks);
          if (reason) return callback(Object.assign(new Error(`refused address: ${reason}`), { code: 'EWEBHOOKADDRESS' }), []);
        }
      }
      if ((options as { all?: boolean }).all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
