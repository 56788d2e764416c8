import { asyncApiDocument } from '@lib/contracts';
import { runApp, startApp } from '../support/app-process';

const apps = ['client-intake', 'debtor-contact', 'payments', 'legal-referral', 'reporting', 'all-in-one'];

describe('every app boots as its own process', () => {
  it.each(apps)('%s answers /health, serves its OpenAPI document, and shuts down cleanly', async (app) => {
    const running = await startApp(app, { PGLITE_DATA_DIR: 'memory' });
    try {
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
    const started = runApp('payments', { EVENT_STORE: 'postgres', MESSAGE_BUS: 'kafka', DATABASE_URL: '', KAFKA_BROKERS: '' });
    expect(await started.exited).toBe(1);
    expect(started.output()).toContain('DATABASE_URL is required when EVENT_STORE=postgres');
    expect(started.output()).toContain('KAFKA_BROKERS is required when MESSAGE_BUS=kafka');
  });
});
