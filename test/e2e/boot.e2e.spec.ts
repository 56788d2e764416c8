import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { asyncApiDocument } from '@lib/contracts';
import { runApp, startApp } from '../support/app-process';

const apps = ['client-intake', 'debtor-contact', 'payments', 'legal-referral', 'reporting', 'portal', 'all-in-one'];
const services = apps.filter((app) => app !== 'all-in-one');
/** Blank values count as unset, so nothing from the test's own environment opens a service. */
const NO_STAFF_TOKEN_KEYS = { STAFF_TOKEN_SECRET: '', STAFF_TOKEN_JWKS_URL: '', STAFF_TOKEN_PUBLIC_KEY: '' };
const NO_SIGNING_KEY = { AGENCY_SIGNING_KEY: '', AGENCY_SIGNING_KEY_FILE: '' };
/** Reporting signs history exports: it needs the agency's Ed25519 key as well. */
const signingKeyFor = (app: string): Record<string, string> => (app === 'reporting' ? { AGENCY_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString() } : {});
/** The debtor portal needs its link secret, public URL, provider, agency and the services it calls (docs/portal.md). */
const PORTAL_SETTINGS = {
  PORTAL_LINK_SECRET: randomBytes(32).toString('base64url'),
  PORTAL_PUBLIC_URL: 'http://127.0.0.1:3006',
  PAYMENT_PROVIDER: 'local',
  PORTAL_ALLOW_LOCAL_CHECKOUT: 'true',
  AGENCY_NAME: 'Boot Agency',
  AGENCY_PHONE: '+1 212 555 0100',
  AGENCY_EMAIL: 'help@agency.example',
  AGENCY_ADDRESS: '1 Boot Street',
  DEBTOR_CONTACT_URL: 'http://127.0.0.1:3002',
  PAYMENTS_URL: 'http://127.0.0.1:3003',
};
const settingsFor = (app: string): Record<string, string> => ({ ...signingKeyFor(app), ...(app === 'portal' ? PORTAL_SETTINGS : {}) });

describe('every app boots as its own process', () => {
  it.each(apps)('%s answers /health, serves its OpenAPI document, and shuts down cleanly (the all-in-one as a demo, saying so)', async (app) => {
    // The all-in-one alone may start without a staff token secret (its demo mode); a service needs one.
    const secret = app === 'all-in-one' ? NO_STAFF_TOKEN_KEYS : { STAFF_TOKEN_SECRET: randomBytes(32).toString('base64url') };
    const running = await startApp(app, { PGLITE_DATA_DIR: 'memory', ...secret, ...settingsFor(app) }, 60_000);
    try {
      if (app === 'all-in-one') {
        // The demo banner follows the first /health answer by a moment.
        for (let waited = 0; !running.output().includes('Demo staff tokens') && waited < 5_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
        expect(running.output()).toContain('Demo staff tokens: STAFF_TOKEN_SECRET is not set, so staff tokens are checked against a public demo secret');
      }
      const health = (await (await fetch(`${running.url}/health`)).json()) as { status: string; services: string[] };
      expect(health.status).toBe('ok');
      expect(health.services).toEqual(app === 'all-in-one' ? apps.filter((a) => a !== 'all-in-one') : [app]);
      const openApi = (await (await fetch(`${running.url}/docs-json`)).json()) as { openapi: string; paths: Record<string, unknown> };
      expect(openApi.openapi).toMatch(/^3\./);
      expect(Object.keys(openApi.paths)).toContain('/health');
      // The published language, without credentials, as generated from libs/contracts.
      const asyncApi = await fetch(`${running.url}/docs/asyncapi.json`);
      expect({ status: asyncApi.status, body: await asyncApi.json() }).toEqual({ status: 200, body: asyncApiDocument() });
    } finally {
      expect(await running.stop()).toBe(0);
    }
  });

  it('refuses to start with a configuration that names what is missing', async () => {
    const started = runApp('payments', { EVENT_STORE: 'postgres', MESSAGE_BUS: 'kafka', DATABASE_URL: '', KAFKA_BROKERS: '', STAFF_TOKEN_SECRET: randomBytes(32).toString('base64url') });
    expect(await started.exited).toBe(1);
    expect(started.output()).toContain('DATABASE_URL is required when EVENT_STORE=postgres');
    expect(started.output()).toContain('KAFKA_BROKERS is required when MESSAGE_BUS=kafka');
  });

  it.each(services)('%s refuses to start without a staff token secret, even in production, naming STAFF_TOKEN_SECRET', async (service) => {
    const started = runApp(service, { PGLITE_DATA_DIR: 'memory', NODE_ENV: 'production', ...NO_STAFF_TOKEN_KEYS });
    expect(await started.exited).toBe(1);
    expect(started.output()).toContain('STAFF_TOKEN_SECRET is required');
    expect(started.output()).not.toContain('listening');
  });

  it('reporting refuses to start without the agency signing key, naming AGENCY_SIGNING_KEY', async () => {
    const started = runApp('reporting', { PGLITE_DATA_DIR: 'memory', NODE_ENV: 'production', STAFF_TOKEN_SECRET: randomBytes(32).toString('base64url'), ...NO_SIGNING_KEY });
    expect(await started.exited).toBe(1);
    expect(started.output()).toContain('AGENCY_SIGNING_KEY (an Ed25519 private key, PKCS#8 PEM) or AGENCY_SIGNING_KEY_FILE is required');
    expect(started.output()).not.toContain('listening');
  });

  it('refuses the public demo secret as a service secret', async () => {
    const started = runApp('payments', { PGLITE_DATA_DIR: 'memory', ...NO_STAFF_TOKEN_KEYS, STAFF_TOKEN_SECRET: 'dev-only-staff-token-secret' });
    expect(await started.exited).toBe(1);
    expect(started.output()).toContain('STAFF_TOKEN_SECRET must be at least 32 characters');
  });
});
