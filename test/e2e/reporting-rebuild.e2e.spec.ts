/**
 * Rebuilding reporting's read models in the distributed mode, as an operator would: stop
 * reporting, run `npm run rebuild:reporting` (the compiled `rebuild` script) with its
 * environment, start it again. It reads every topic from the start and must answer exactly
 * what it answered before, reopened accounts and repeated closings included. Then the
 * rebuild an operator runs while reporting serves (`POST /reports/read-models/rebuild`):
 * into new generations, switched over once caught up, so a report read again and again
 * meanwhile never shrinks.
 */
import { createReadModelStore } from '@lib/platform';
import { REPORTING_PROJECTIONS } from '../../apps/reporting/src/read-models/reporting.queries';
import { loadReportingConfig } from '../../apps/reporting/src/reporting.config';
import { runScript } from '../support/app-process';
import { DistributedDeployment, startDistributed } from './journeys/deployment';
import { as, call, eventually, journeyBouncedPayment, journeyPaid, onboardClient, OnboardedClient, placeAccount } from './journeys/journeys';

describe('rebuilding reporting from the topics (distributed: Kafka, FerretDB, PostgreSQL)', () => {
  let d: DistributedDeployment;
  beforeAll(async () => {
    d = await startDistributed();
  }, 120_000);
  afterAll(async () => {
    await d?.stop();
  }, 60_000);

  /** Everything reporting answers about two accounts: the reports, the timeline and the compliance history. */
  async function reportsOf(accounts: Array<{ client: OnboardedClient; accountId: string }>) {
    return Promise.all(
      accounts.map(async ({ client, accountId }) => {
        const read = async (path: string, credentials = as.client(client.apiKey)) => (await call(d, 'reporting', 'GET', path, { as: credentials })).body;
        return {
          portfolio: await read(`/reports/portfolio/${client.clientId}`),
          summary: await read(`/reports/accounts/${accountId}`),
          timeline: await read(`/reports/accounts/${accountId}/timeline`),
          history: await read(`/audit/accounts/${accountId}/history`, as.staff('compliance')),
          pipeline: await read('/reports/legal-pipeline', as.staff('legal')),
        };
      }),
    );
  }

  /**
   * The history is the yardstick only once the services have finished with the account:
   * reporting holds every event the services store (counted at the sources), and debtor
   * contact's message dispatcher has settled every message it queued. The dispatcher works
   * after the closing, on its own subscription: a message queued before the payment is
   * cancelled (rule case-closed) moments after the case closed, so a count that matches
   * before that is not the account's last word.
   */
  async function historySettled(accountId: string): Promise<void> {
    const compliance = as.staff('compliance');
    await eventually(`the whole history of ${accountId}`, async () => {
      const integrity = (await call(d, 'reporting', 'GET', `/audit/accounts/${accountId}/integrity`, { as: compliance })).body;
      const stored = integrity.services.flatMap((service: { streams: Array<{ events: number }> }) => service.streams).reduce((sum: number, stream: { events: number }) => sum + stream.events, 0);
      const history: Array<{ type: string; data?: { messageId?: string } }> = (await call(d, 'reporting', 'GET', `/audit/accounts/${accountId}/history`, { as: compliance })).body;
      const messageIds = (types: string[]) => new Set(history.filter((entry) => types.includes(entry.type)).map((entry) => entry.data?.messageId));
      const settled = messageIds(['MessageSent', 'MessageCancelled', 'MessageFailed']);
      const unsettled = [...messageIds(['MessageQueued'])].filter((messageId) => !settled.has(messageId));
      return stored > 0 && history.length === stored && unsettled.length === 0 ? true : undefined;
    });
  }

  it('refuses while reporting runs, then, with reporting stopped, empties its read models so its next start answers as before', async () => {
    const paid = await journeyPaid(d, `REBUILD-PAID-${Date.now()}`);
    const bounced = await journeyBouncedPayment(d, `REBUILD-BOUNCE-${Date.now()}`);
    const accounts = [paid, bounced];
    // The journeys wait for what they check; the compliance history must also hold every
    // event the services store (counted at the sources) before it is the yardstick.
    for (const { accountId } of accounts) await historySettled(accountId);
    const before = await reportsOf(accounts);

    const refused = await runScript('reporting', 'rebuild', d.envOf('reporting'));
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('still has subscribers');
    expect(await reportsOf(accounts)).toEqual(before);

    let emptied: number[] = [];
    await d.restart('reporting', async (env) => {
      const rebuilt = await runScript('reporting', 'rebuild', env);
      expect({ code: rebuilt.code, output: rebuilt.output }).toEqual({ code: 0, output: expect.stringContaining('rewound the reporting consumer group') });
      const readModels = await createReadModelStore(loadReportingConfig(env).readModels);
      try {
        emptied = await Promise.all(REPORTING_PROJECTIONS.map((projection) => readModels.count(projection.name)));
      } finally {
        await readModels.close();
      }
    });
    expect(emptied).toEqual(REPORTING_PROJECTIONS.map(() => 0));

    // Projected again from the start of every topic: the same answers, nothing counted twice.
    const rebuilt = await eventually('the rebuilt reports', async () => {
      const now = await reportsOf(accounts);
      return JSON.stringify(now) === JSON.stringify(before) ? now : undefined;
    }, 60_000).catch(async () => reportsOf(accounts));
    expect(rebuilt).toEqual(before);
    expect(before[1].summary).toMatchObject({ status: 'closed', reopenedAt: expect.any(String) });
  }, 240_000);

  it('rebuilds into new generations while reporting serves: the portfolio read meanwhile never drops, and the answers stay the same', async () => {
    const client = await onboardClient(d, `Live Rebuild ${Date.now()}`);
    const placedBefore = 6;
    for (let n = 0; n < placedBefore; n++) await placeAccount(d, client, `LIVE-REBUILD-${Date.now()}-${n}`);
    const portfolio = async () => (await call(d, 'reporting', 'GET', `/reports/portfolio/${client.clientId}`, { as: as.client(client.apiKey) })).body;
    await eventually('every placement in the portfolio', async () => ((await portfolio()).placedCount === placedBefore ? true : undefined));
    const paid = await journeyPaid(d, `LIVE-REBUILD-PAID-${Date.now()}`);
    await historySettled(paid.accountId);
    const before = await reportsOf([paid]);

    const counts: number[] = [];
    let rebuilt = false;
    const reading = (async () => {
      while (!rebuilt || counts.length < 10) counts.push((await portfolio()).placedCount);
    })();
    const rebuild = call(d, 'reporting', 'POST', '/reports/read-models/rebuild', { as: as.staff('admin') }).finally(() => {
      rebuilt = true;
    });
    // Placed while the rebuild runs: counted by the live generation and by the new one.
    await placeAccount(d, client, `LIVE-REBUILD-${Date.now()}-during`);
    const answer = await rebuild;
    await reading;

    expect(answer.status).toBe(200);
    expect(answer.body.rebuilt.map((entry: { collection: string }) => entry.collection)).toEqual(expect.arrayContaining(['portfolio', 'account_summaries', 'legal_pipeline', 'compliance_decisions']));
    for (const entry of answer.body.rebuilt) expect(entry.physical).toBe(`${entry.collection}__g${entry.generation}`);
    expect(counts[0]).toBeGreaterThanOrEqual(placedBefore);
    for (let n = 1; n < counts.length; n++) expect(counts[n]).toBeGreaterThanOrEqual(counts[n - 1]);
    await eventually('the placement made during the rebuild', async () => ((await portfolio()).placedCount === placedBefore + 1 ? true : undefined));
    expect(await reportsOf([paid])).toEqual(before);
  }, 240_000);
});
