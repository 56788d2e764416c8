/**
 * The distributed mode (each service its own process from dist/, PostgreSQL event stores,
 * Kafka, FerretDB read models, one staff token secret) on servers a fault test chooses:
 * the shared ones of `npm run infra:up` by default, or private ones it may stop. Every
 * service can be killed (SIGKILL) and started again on its port.
 */
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DEPLOYMENT_STAFF_TOKEN_SECRET, Service, SERVICES } from '../journeys/deployment';
import { freePort, RunningApp, startApp } from '../../support/app-process';

export { SERVICES };
export type { Service };

export interface Servers {
  kafkaBrokers: string;
  databaseUrl: string;
  /** A MongoDB URL; its database name is replaced by one of the deployment's own. */
  mongoUrl: string;
}

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

/** The shared servers of `npm run infra:up` (read from the environment, as every e2e spec does). */
export function sharedServers(): Servers {
  return { kafkaBrokers: required('KAFKA_BROKERS'), databaseUrl: required('DATABASE_URL'), mongoUrl: required('MONGO_URL') };
}

export async function startFaultDeployment(servers: Servers = sharedServers()): Promise<FaultDeployment> {
  const run = `f${randomUUID().slice(0, 8)}`;
  const ports = Object.fromEntries(await Promise.all(SERVICES.map(async (s) => [s, await freePort()] as const))) as Record<Service, number>;
  const urlOf = (service: Service) => `http://127.0.0.1:${ports[service]}`;
  const schemaOf = (service: Service) => `${run}_${service.replace(/-/g, '_')}`;
  const mongo = new URL(servers.mongoUrl);
  mongo.pathname = `/${run}`;
  const envOf = (service: Service) => ({
    EVENT_STORE: 'postgres',
    DATABASE_URL: servers.databaseUrl,
    EVENT_STORE_SCHEMA: schemaOf(service),
    MESSAGE_BUS: 'kafka',
    KAFKA_BROKERS: servers.kafkaBrokers,
    TOPIC_PREFIX: `${run}.`,
    READ_MODELS: 'mongo',
    MONGO_URL: mongo.toString(),
    CLOCK: 'test',
    STAFF_TOKEN_SECRET: DEPLOYMENT_STAFF_TOKEN_SECRET,
    CLIENT_INTAKE_URL: urlOf('client-intake'),
    DEBTOR_CONTACT_URL: urlOf('debtor-contact'),
    PAYMENTS_URL: urlOf('payments'),
    LEGAL_REFERRAL_URL: urlOf('legal-referral'),
  });
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

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run \`npm run infra:up\` (npm test does) or point it at a server`);
  return value;
}
