/**
 * kill -9 of each service in turn, under a steady load of placements and payments, in the
 * distributed mode on the shared servers (which are not touched). What was acknowledged
 * must be applied exactly once, every read model must converge, and the hash chains of
 * the accounts must verify. See docs/fault-tolerance.md.
 */
import { FaultDeployment, SERVICES, startFaultDeployment } from './fault-deployment';
import { brokenChains, converged, Load } from './load';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('faults: each service killed (SIGKILL) in turn under load (distributed mode)', () => {
  let deployment: FaultDeployment | undefined;

  beforeAll(async () => {
    deployment = await startFaultDeployment();
  }, 120_000);

  afterAll(async () => {
    await deployment?.stop();
  }, 60_000);

  it('applies every acknowledged placement and payment exactly once, converges, and keeps the chains intact', async () => {
    const d = deployment!;
    const load = await Load.start(d, 'Crash Test Creditor', { workers: 2, pauseMs: 400 });
    const restarts: string[] = [];
    for (const service of SERVICES) {
      await sleep(2_000);
      const killedAt = Date.now();
      await d.crash(service);
      await d.start(service);
      restarts.push(`${service} ${Date.now() - killedAt} ms`);
    }
    await sleep(2_000);
    const report = await load.stop();

    expect(load.unexpected).toEqual([]);
    expect(d.exited()).toEqual([]);
    const convergedInMs = await converged(d, load, 60_000).catch((error: Error) => {
      throw new Error(`${error.message}\n--- reporting's log (tail) ---\n${d.output('reporting').slice(-6000)}`);
    });
    expect(await brokenChains(d, load)).toEqual([]);
    process.stdout.write(`service crashes: restarts ${restarts.join(', ')}; ${JSON.stringify(report)}; converged ${convergedInMs} ms after the load\n`);
    expect(report.acknowledgedPlacements).toBeGreaterThan(5);
    expect(report.acknowledgedPayments).toBeGreaterThan(5);
    // The kills hit the load: some commands were answered only on a retry with the same key.
    expect(report.retries).toBeGreaterThan(0);
  }, 240_000);
});
