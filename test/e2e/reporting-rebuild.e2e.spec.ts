/**
 * Rebuilding reporting's read models in the distributed mode, as an operator would: stop
 * reporting, run `npm run rebuild:reporting` (the compiled `rebuild` script) with its
 * environment, start it again. It reads every topic from the start and must answer exactly
 * what it answered before, reopened accounts and repeated closings included.
 */
import { createReadModelStore } from '@lib/platform';
import { REPORTING_PROJECTIONS } from '../../apps/reporting/src/read-models/reporting.queries';
import { loadReportingConfig } from '../../apps/reporting/src/reporting.config';
import { runScript } from '../support/app-process';
import { DistributedDeployment, startDistributed } from './journeys/deployment';
import { as, call, eventually, journeyBouncedPayment, journeyPaid, OnboardedClient } from './journeys/journeys';

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

  async function historySettled(accountId: string): Promise<void> {
    const compliance = as.staff('compliance');
    await eventually(`the whole history of ${accountId}`, async () => {
      const integrity = (await call(d, 'reporting', 'GET', `/audit/accounts/${accountId}/integrity`, { as: compliance })).body;
      const stored = integrity.services.flatMap((service: { streams: Array<{ events: number }> }) => service.streams).reduce((sum: number, stream: { events: number }) => sum + stream.events, 0);
      const history = (await call(d, 'reporting', 'GET', `/audit/accounts/${accountId}/history`, { as: compliance })).body;
      return stored > 0 && history.length === stored ? true : undefined;
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
});
