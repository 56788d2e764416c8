import type { LookupAddress } from 'node:dns';
import { blockedAddressReason } from './address-policy';
import { webhookUrlProblem } from './url-guard';
import { loadWebhookSettings, WebhookSettings } from './webhook-settings';

const strict: WebhookSettings = loadWebhookSettings({});
const resolvesTo =
  (...addresses: string[]) =>
  async (): Promise<LookupAddress[]> =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('webhook URL guard (server-side request forgery)', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['169.254.169.254', 'metadata'],
    ['10.1.2.3', 'private'],
    ['172.20.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['0.0.0.0', 'loopback'],
    ['::1', 'loopback'],
    ['fe80::1', 'link-local'],
    ['fd12:3456::1', 'private'],
    ['fd00:ec2::254', 'metadata'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
  ])('refuses %s', (address, kind) => {
    expect(blockedAddressReason(address, false)).toContain(kind === 'private' ? 'private' : 'loopback, link-local, metadata');
  });

  it('accepts public addresses', () => {
    expect(blockedAddressReason('93.184.216.34', false)).toBeNull();
    expect(blockedAddressReason('2606:2800:220:1:248:1893:25c8:1946', false)).toBeNull();
  });

  it('allows private networks only when the deployment says so, and never loopback or metadata', () => {
    expect(blockedAddressReason('10.1.2.3', true)).toBeNull();
    expect(blockedAddressReason('fd12:3456::1', true)).toBeNull();
    expect(blockedAddressReason('127.0.0.1', true)).not.toBeNull();
    expect(blockedAddressReason('169.254.169.254', true)).not.toBeNull();
  });

  it('wants https unless plain http is allowed, and no credentials in the URL', async () => {
    expect(await webhookUrlProblem('http://hooks.example.com/x', strict, resolvesTo('93.184.216.34'))).toMatch(/must be https/);
    expect(await webhookUrlProblem('http://hooks.example.com/x', { ...strict, allowHttp: true }, resolvesTo('93.184.216.34'))).toBeNull();
    expect(await webhookUrlProblem('ftp://hooks.example.com/x', { ...strict, allowHttp: true }, resolvesTo('93.184.216.34'))).toMatch(/http or https/);
    expect(await webhookUrlProblem('https://user:pw@hooks.example.com/x', strict, resolvesTo('93.184.216.34'))).toMatch(/credentials/);
    expect(await webhookUrlProblem('not a url', strict)).toMatch(/absolute URL/);
  });

  it('refuses a name when any of its addresses is refused, and a name that does not resolve', async () => {
    expect(await webhookUrlProblem('https://hooks.example.com/x', strict, resolvesTo('93.184.216.34'))).toBeNull();
    expect(await webhookUrlProblem('https://hooks.example.com/x', strict, resolvesTo('93.184.216.34', '10.0.0.7'))).toMatch(/10\.0\.0\.7 is a private/);
    const nxdomain = async (): Promise<LookupAddress[]> => Promise.reject(Object.assign(new Error('nope'), { code: 'ENOTFOUND' }));
    expect(await webhookUrlProblem('https://nowhere.invalid/x', strict, nxdomain)).toMatch(/does not resolve \(ENOTFOUND\)/);
  });

  it('checks IP literals without resolving, and exempts exactly the hosts the deployment lists', async () => {
    const noLookup = async (): Promise<LookupAddress[]> => Promise.reject(new Error('must not resolve'));
    expect(await webhookUrlProblem('https://127.0.0.1:8443/x', strict, noLookup)).toMatch(/loopback/);
    expect(await webhookUrlProblem('https://[::1]/x', strict, noLookup)).toMatch(/loopback/);
    const allowing = loadWebhookSettings({ WEBHOOK_ALLOWED_HOSTS: '127.0.0.1, Hooks.Internal' });
    expect(await webhookUrlProblem('https://127.0.0.1:8443/x', allowing, noLookup)).toBeNull();
    expect(await webhookUrlProblem('https://hooks.internal/x', allowing, noLookup)).toBeNull();
    expect(await webhookUrlProblem('https://127.0.0.2/x', allowing, noLookup)).toMatch(/loopback/);
  });

  it('refuses malformed settings at start', () => {
    expect(() => loadWebhookSettings({ WEBHOOK_ALLOW_HTTP: 'yes' })).toThrow(/WEBHOOK_ALLOW_HTTP/);
    expect(() => loadWebhookSettings({ WEBHOOK_TIMEOUT_MS: '5' })).toThrow(/WEBHOOK_TIMEOUT_MS/);
    expect(loadWebhookSettings({}).timeoutMs).toBe(10_000);
  });
});
