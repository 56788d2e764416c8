/**
 * The Kafka broker gone for 30 s in the middle of a steady load, then back on the same
 * port and data. The services are not touched: they must carry on unattended, and once
 * the broker is back every acknowledged command is applied exactly once everywhere.
 * The shared broker serves other specs, so this deployment runs on a broker of its own
 * (PostgreSQL and FerretDB are the shared ones, under names of its own).
 * See docs/fault-tolerance.md.
 */
import { PrivateKafka } from '../../support/private-infra';
import { FaultDeployment, sharedServers, startFaultDeployment } from './fault-deployment';
import { brokenChains, converged, Load } from './load';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const OUTAGE_MS = 30_000;

describe('faults: the Kafka broker stopped for 30 s under load (distributed mode)', () => {
  let kafka: PrivateKafka | undefined;
  let deployment: FaultDeployment | undefined;

  beforeAll(async () => {
    kafka = await PrivateKafka.create();
    kafka.start();
    await kafka.ready();
    deployment = await startFaultDeployment({ ...sharedServers(), kafkaBrokers: kafka.brokers });
  }, 180_000);

  afterAll(async () => {
    try {
      await deployment?.stop();
    } finally {
      await kafka?.remove();
    }
  }, 90_000);

  it('recovers unattended: nothing lost, nothing doubled, chains intact', async () => {
    const d = deployment!;
    const broker = kafka!;
    const load = await Load.start(d, 'Broker Outage Creditor', { workers: 2, pauseMs: 700 });
    await sleep(4_000);
    await broker.kill();
    await sleep(OUTAGE_MS);
    broker.start();
    const restartedAt = Date.now();
    await broker.ready();
    const brokerBackMs = Date.now() - restartedAt;
    await sleep(2_000);
    const report = await load.stop();

    expect(load.unexpected).toEqual([]);
    // Unattended: no service died or was restarted by the test.
    expect(d.exited()).toEqual([]);
    const convergedInMs = await converged(d, load, 90_000).catch((error: Error) => {
      throw new Error(`${error.message}\n--- reporting's log (tail) ---\n${d.output('reporting').slice(-6000)}`);
    });
    expect(await brokenChains(d, load)).toEqual([]);
    process.stdout.write(`broker outage: broker back in ${brokerBackMs} ms; ${JSON.stringify(report)}; converged ${convergedInMs} ms after the load\n`);
    expect(report.acknowledgedPlacements).toBeGreaterThan(5);
    expect(report.acknowledgedPayments).toBeGreaterThan(5);
  }, 300_000);
});
