/**
 * PostgreSQL (every service's event store) and then the MongoDB-wire server (FerretDB:
 * the read models) killed in the middle of a steady load and started again a few seconds
 * later on the same port and data. The services are not touched: they must recover
 * unattended, and every acknowledged command must be applied exactly once everywhere.
 * The shared servers serve other specs, so this deployment runs on a PostgreSQL and a
 * FerretDB of its own (Kafka is the shared one, under topic names of its own).
 * See docs/fault-tolerance.md.
 */
import { PrivateFerretDb, PrivatePostgres } from '../../support/private-infra';
import { FaultDeployment, sharedServers, startFaultDeployment } from './fault-deployment';
import { brokenChains, converged, Load } from './load';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const DOWN_MS = 5_000;

describe('faults: PostgreSQL and FerretDB each restarted under load (distributed mode)', () => {
  let postgres: PrivatePostgres | undefined;
  let ferretdb: PrivateFerretDb | undefined;
  let deployment: FaultDeployment | undefined;

  beforeAll(async () => {
    postgres = await PrivatePostgres.create();
    ferretdb = await PrivateFerretDb.create();
    postgres.start();
    ferretdb.start();
    await Promise.all([postgres.ready(), ferretdb.ready()]);
    deployment = await startFaultDeployment({ ...sharedServers(), databaseUrl: postgres.url, mongoUrl: ferretdb.url('collections') });
  }, 180_000);

  afterAll(async () => {
    try {
      await deployment?.stop();
    } finally {
      await Promise.allSettled([postgres?.remove(), ferretdb?.remove()]);
    }
  }, 90_000);

  const underLoad = async (name: string, fault: () => Promise<void>) => {
    const d = deployment!;
    const load = await Load.start(d, name, { workers: 2, pauseMs: 500 });
    await sleep(3_000);
    await fault();
    await sleep(3_000);
    const report = await load.stop();
    expect(load.unexpected).toEqual([]);
    expect(d.exited()).toEqual([]);
    const convergedInMs = await converged(d, load, 60_000).catch((error: Error) => {
      throw new Error(`${error.message}\n--- reporting's log (tail) ---\n${d.output('reporting').slice(-6000)}`);
    });
    expect(await brokenChains(d, load)).toEqual([]);
    expect(report.acknowledgedPlacements).toBeGreaterThan(3);
    expect(report.acknowledgedPayments).toBeGreaterThan(3);
    return { ...report, convergedInMs };
  };

  it('PostgreSQL killed and back: recovers unattended, nothing lost, nothing doubled, chains intact', async () => {
    const report = await underLoad('PostgreSQL Restart Creditor', async () => {
      await postgres!.kill();
      await sleep(DOWN_MS);
      postgres!.start();
      await postgres!.ready();
    });
    process.stdout.write(`postgres restart: ${JSON.stringify(report)}\n`);
    // Commands were refused or unanswered while the store was down, and answered on a retry with the same key.
    expect(report.retries).toBeGreaterThan(0);
  }, 180_000);

  it('FerretDB killed and back: recovers unattended, nothing lost, nothing doubled, chains intact', async () => {
    const report = await underLoad('FerretDB Restart Creditor', async () => {
      await ferretdb!.kill();
      await sleep(DOWN_MS);
      ferretdb!.start();
      await ferretdb!.ready();
    });
    process.stdout.write(`ferretdb restart: ${JSON.stringify(report)}\n`);
  }, 180_000);
});
