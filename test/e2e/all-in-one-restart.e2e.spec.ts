/**
 * The all-in-one process keeps its event stores in a data folder and its read models in
 * memory: after a restart, the read models are rebuilt from the stores, and nothing is
 * applied twice by the services that had already consumed the events.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@lib/config';
import { composeProcess, ComposedProcess } from '@lib/platform';
import { ALL_SERVICES } from '../../apps/all-in-one/src/all-in-one.services';
import { Deployment, DEPLOYMENT_STAFF_TOKEN_SECRET } from './journeys/deployment';
import { as, call, eventually, onboardClient, placeAccount } from './journeys/journeys';

describe('all-in-one restart', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'all-in-one-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  async function start(): Promise<{ composed: ComposedProcess; deployment: Deployment }> {
    const config = loadConfig('all-in-one', { PGLITE_DATA_DIR: dataDir, CLOCK: 'test', STAFF_TOKEN_SECRET: DEPLOYMENT_STAFF_TOKEN_SECRET }, { port: 0 });
    const composed = await composeProcess(config, ALL_SERVICES, { title: 'restart test', quiet: true });
    await composed.app.listen(0, '127.0.0.1');
    const url = (await composed.app.getUrl()).replace('[::1]', '127.0.0.1');
    const deployment: Deployment = {
      mode: 'all-in-one',
      url: () => url,
      advanceClock: async () => undefined,
      tamper: async () => undefined,
      stop: () => composed.close(),
    };
    return { composed, deployment };
  }

  it('rebuilds the reports from the stored events and applies nothing twice', async () => {
    const first = await start();
    const client = await onboardClient(first.deployment, 'Restarted Ltd');
    const accountId = await placeAccount(first.deployment, client, 'RESTART-1');
    const payment = async (d: Deployment) => call(d, 'payments', 'POST', '/payments', { as: as.staff('accountant'), body: { accountId, amount: 50_000, currency: 'USD', method: 'ach' } });
    await eventually('the ledger', async () => ((await call(first.deployment, 'payments', 'GET', `/ledgers/${accountId}`, { as: as.staff('accountant') })).status === 200 ? true : undefined));
    expect((await payment(first.deployment)).status).toBe(201);
    const before = await eventually('the portfolio', async () => {
      const answer = await call(first.deployment, 'reporting', 'GET', `/reports/portfolio/${client.clientId}`, { as: as.client(client.apiKey) });
      return answer.body?.collected === 50_000 ? answer.body : undefined;
    });
    const contactEventsBefore = (await first.composed.stores.get('debtor-contact')!.readStream(`contact-${accountId}`)).length;
    await first.deployment.stop();

    const second = await start();
    try {
      const after = await eventually('the rebuilt portfolio', async () => {
        const answer = await call(second.deployment, 'reporting', 'GET', `/reports/portfolio/${client.clientId}`, { as: as.client(client.apiKey) });
        return answer.body?.collected === 50_000 ? answer.body : undefined;
      });
      expect(after).toEqual(before);
      const history = await call(second.deployment, 'reporting', 'GET', `/audit/accounts/${accountId}/history`, { as: as.staff('compliance') });
      expect(history.status).toBe(200);
      expect(history.body.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['AccountPlaced', 'LedgerOpened', 'PaymentPosted.v2']));
      expect((await second.composed.stores.get('debtor-contact')!.readStream(`contact-${accountId}`)).length).toBe(contactEventsBefore);
      const ledger = await call(second.deployment, 'payments', 'GET', `/ledgers/${accountId}`, { as: as.staff('accountant') });
      expect(ledger.body.payments).toHaveLength(1);
    } finally {
      await second.deployment.stop();
    }
  }, 120_000);
});
