/**
 * The distributed mode (each service its own process from dist/, PostgreSQL event stores,
 * Kafka, FerretDB read models, one staff token secret) on servers a fault test chooses:
 * the shared ones of `npm run infra:up` by default, or private ones it may stop. Every
 * service can be killed (SIGKILL) and started again on its port.
 */
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { distributedLayout, Servers, Service, SERVICES, sharedServers } from '../journeys/deployment';
import { RunningApp, startApp } from '../../support/app-process';

export { SERVICES, sharedServers };
export type { Servers, Service };

export interface FaultDeployment {
  url(service: Service): string;
  /** kill -9: no shutdown hook, no goodbye to Kafka or the databases. */
  crash(service: Service): Promise<void>;
  /** Starts the service again on its port with its environment and waits for /health. */
  start(service: Service): Promise<void>;
  /** Services whose process is no longer running (it exited on its own). */
  exited(): Array<{ service: Service; code: number | null }>;
  output(service: Service): string;
  /** Stops every service (SIGTERM, SIGKILL after 15 s) and drops its schemas on the database. */
  stop(): Promise<void>;
}


export async function startFaultDeployment(servers: Servers = sharedServers()): Promise<FaultDeployment> {
  const run = `f${randomUUID().slice(0, 8)}`;
  const { ports, urlOf, schemaOf, envOf } = await distributedLayout(run, servers);
  const apps = new Map<Service, RunningApp>();
  const exitCodes = new Map<Service, number | null>();
  const launch = async (service: Service) => {
    const app = await startApp(service, envOf(service), 90_000, ports[service]);
    exitCodes.delete(service);
    app.process.on('exit', (code) => {
      if (apps.get(service) === app) exitCodes.set(service, code);
    });
    apps.set(service, app);
  };
  const started = await Promise.allSettled(SERVICES.map(launch));
  const failed = started.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) {
    await Promise.all([...apps.values()].map((app) => app.crash()));
    throw failed.reason;
  }
  return {
    url: urlOf,
    crash: async (service) => {
      const app = apps.get(service);
      apps.delete(service);
      await app?.crash();
    },
    start: launch,
    exited: () => [...exitCodes].map(([service, code]) => ({ service, code })),
    output: (service) => apps.get(service)?.output() ?? '',
    stop: async () => {
      await Promise.all(
        [...apps.values()].map(async (app) => {
          const stopped = app.stop();
          const timer = setTimeout(() => void app.crash(), 15_000);
          await stopped;
          clearTimeout(timer);
        }),
      );
      apps.clear();
      const client = new Client({ connectionString: servers.databaseUrl, connectionTimeoutMillis: 5_000 });
      await client.connect();
      try {
        for (const service of SERVICES) await client.query(`DROP SCHEMA IF EXISTS "${schemaOf(service)}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
