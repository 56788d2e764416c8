/**
 * The all-in-one keeps its event stores and its read models in one PGlite data folder, and
 * its bus in memory. A restart resumes: the reports are still there, the relays go back
 * only to the last position every consumer had handled (not to the start), and nothing is
 * applied twice. Killed with SIGKILL while messages are in flight, it loses none of them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@lib/config';
import { relayCheckpointName, relayConsumedCheckpointName } from '@lib/integration';
import { composeProcess, ComposedProcess } from '@lib/platform';
import { ALL_SERVICES } from '../../apps/all-in-one/src/all-in-one.services';
import { startApp } from '../support/app-process';
import { Deployment, DEPLOYMENT_STAFF_TOKEN_SECRET } from './journeys/deployment';
import { as, call, eventually, onboardClient, OnboardedClient, placeAccount } from './journeys/journeys';

const portfolioOf = async (d: Deployment, client: OnboardedClient) =>
  (await call(d, 'reporting', 'GET', `/reports/portfolio/${client.clientId}`, { as: as.client(client.apiKey) })).body;

describe('all-in-one restart', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'all-in-one-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  async function start(): Promise<{ composed: ComposedProcess; deployment: Deployment }> {
    const config = loadConfig('all-in-one', { PGLITE_DATA_DIR: dataDir, CLOCK: 'test', STAFF_TOKEN_SECRET: DEPLOYMENT_STAFF_TOKEN_SECRET }, { port: 0, readModels: 'pglite' });
    expect(config.readModels).toEqual({ kind: 'pglite' });
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

  it('keeps the reports, resumes the relays where every consumer had caught up, and applies nothing twice', async () => {
    const first = await start();
    const client = await onboardClient(first.deployment, 'Restarted Ltd');
    const accountId = await placeAccount(first.deployment, client, 'RESTART-1');
    const payment = async (d: Deployment) => call(d, 'payments', 'POST', '/payments', { as: as.staff('accountant'), body: { accountId, amount: 50_000, currency: 'USD', method: 'ach' } });
    await eventually('the ledger', async () => ((await call(first.deployment, 'payments', 'GET', `/ledgers/${accountId}`, { as: as.staff('accountant') })).status === 200 ? true : undefined));
    expect((await payment(first.deployment)).status).toBe(201);
    const before = await eventually('the portfolio', async () => {
      const body = await portfolioOf(first.deployment, client);
      return body?.collected === 50_000 ? body : undefined;
    });
    const intake = first.composed.stores.get('client-intake')!;
    // The payment's cascade ends in client intake itself (it notes the payment on the account,
    // for the recall rules); a position captured before that would move once more before the stop.
    await eventually('the payment noted by client intake', async () =>
      (await intake.readStream(`account-${accountId}`)).some((event) => event.type === 'PaymentNoted') ? true : undefined,
    );
    // Every consumer handled it all: within a relay round (1 s), the position is saved as consumed.
    // Settled means the same for longer than a relay round: no other cascade was still on its way.
    const settledPosition = async () => {
      const [published, handled] = [await intake.load(relayCheckpointName('client-intake')), await intake.load(relayConsumedCheckpointName('client-intake'))];
      const unpublished = published === null ? [] : await intake.readAll({ after: published, limit: 1 });
      return published !== null && handled === published && unpublished.length === 0 ? handled : undefined;
    };
    const consumed = await eventually('client-intake relay consumed position, settled', async () => {
      const seen = await settledPosition();
      if (seen === undefined) return undefined;
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      return (await settledPosition()) === seen ? seen : undefined;
    });
    const contactEventsBefore = (await first.composed.stores.get('debtor-contact')!.readStream(`contact-${accountId}`)).length;
    await first.deployment.stop();

    const second = await start();
    try {
      // Rewound to the consumed position, not to -1: nothing to republish.
      // Compared as text: a failing expectation holding a bigint cannot be sent from a jest worker, and its message would be lost.
      expect(String(await second.composed.stores.get('client-intake')!.load(relayCheckpointName('client-intake')))).toBe(String(consumed));
      expect(consumed > -1n).toBe(true);
      // The reports are answered from what was kept, at once.
      expect(await portfolioOf(second.deployment, client)).toEqual(before);
      const history = await call(second.deployment, 'reporting', 'GET', `/audit/accounts/${accountId}/history`, { as: as.staff('compliance') });
      expect(history.status).toBe(200);
      expect(history.body.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['AccountPlaced', 'LedgerOpened', 'PaymentPosted.v2']));
      expect((await second.composed.stores.get('debtor-contact')!.readStream(`contact-${accountId}`)).length).toBe(contactEventsBefore);
      const ledger = await call(second.deployment, 'payments', 'GET', `/ledgers/${accountId}`, { as: as.staff('accountant') });
      expect(ledger.body.payments).toHaveLength(1);
      // And it carries on: a payment after the restart reaches the report once.
      expect((await payment(second.deployment)).status).toBe(201);
      await eventually('the second payment reported', async () => ((await portfolioOf(second.deployment, client))?.collected === 100_000 ? true : undefined));
    } finally {
      await second.deployment.stop();
    }
  }, 180_000);

  it('killed with SIGKILL right after placements were acknowledged: after the restart every placement is reported exactly once', async () => {
    const killedDir = mkdtempSync(join(tmpdir(), 'all-in-one-kill-'));
    const env = { PGLITE_DATA_DIR: killedDir, STAFF_TOKEN_SECRET: DEPLOYMENT_STAFF_TOKEN_SECRET };
    let running = await startApp('all-in-one', env, 90_000);
    try {
      const deployment = (): Deployment => ({ mode: 'all-in-one', url: () => running.url, advanceClock: async () => undefined, tamper: async () => undefined, stop: async () => undefined });
      const client = await onboardClient(deployment(), 'Killed Ltd');
      await placeAccount(deployment(), client, 'KILL-0');
      await eventually('the first placement reported', async () => ((await portfolioOf(deployment(), client))?.placedCount === 1 ? true : undefined));
      const placements = 12;
      await Promise.all(Array.from({ length: placements }, (_, n) => placeAccount(deployment(), client, `KILL-${n + 1}`)));
      // No grace: the bus and whatever it held die with the process.
      await running.crash();

      running = await startApp('all-in-one', env, 90_000);
      const after = await eventually('every placement reported', async () => {
        const body = await portfolioOf(deployment(), client);
        return body?.placedCount === placements + 1 ? body : undefined;
      });
      // Each placement is 750,050 (two invoices): counted once each, none twice.
      expect(after.placedAmount).toBe((placements + 1) * 750_050);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect((await portfolioOf(deployment(), client)).placedCount).toBe(placements + 1);
    } finally {
      await running.stop();
      rmSync(killedDir, { recursive: true, force: true });
    }
  }, 240_000);
});
