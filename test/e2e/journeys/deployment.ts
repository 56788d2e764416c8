/**
 * The two ways the system runs, behind one interface, so every journey runs on both:
 * - all-in-one: every service in one process (PGlite, in-process bus, in-memory read models);
 * - distributed: each app its own OS process, PostgreSQL event stores, real Kafka, FerretDB.
 * Both run a test clock that only moves through the admin test-clock endpoint.
 */
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { loadConfig } from '@lib/config';
import type { EventStore } from '@lib/event-store';
import { composeProcess, signStaffToken, StaffRole } from '@lib/platform';
import { ALL_SERVICES } from '../../../apps/all-in-one/src/all-in-one.services';
import { ReceivedMail, startSmtpTestServer } from '../../../apps/debtor-contact/src/integration/communications/smtp-test-server';
import { freePort, RunningApp, startApp } from '../../support/app-process';

export const SERVICES = ['client-intake', 'debtor-contact', 'payments', 'legal-referral', 'reporting'] as const;
export type Service = (typeof SERVICES)[number];

export interface Deployment {
  mode: string;
  url(service: Service): string;
  /** Moves every process's clock and runs their schedulers. */
  advanceClock(by: { days?: number; hours?: number }): Promise<void>;
  /** Changes a stored event's data behind the system's back (for the integrity check). */
  tamper(service: Service, streamId: string, version: number): Promise<void>;
  /** What the deployment's local SMTP server received (debtor contact sends its emails there), where it runs one. */
  receivedMail?(): ReceivedMail[];
  stop(): Promise<void>;
}

/** The address the deployments under test send email from. */
export const DEPLOYMENT_EMAIL_FROM = 'notices@agency.example';

/** A deployment whose services are processes an operator can stop and start one by one. */
export interface DistributedDeployment extends Deployment {
  /** The environment a service's process runs with. */
  envOf(service: Service): Record<string, string>;
  /** Stops the service, runs `whileStopped` with the environment it runs with, and starts it again on its port. */
  restart(service: Service, whileStopped: (env: Record<string, string>) => Promise<void>): Promise<void>;
}

/** The staff token secret every process of a deployment under test shares, as a real deployment would. */
export const DEPLOYMENT_STAFF_TOKEN_SECRET = randomBytes(32).toString('base64url');
/** The agency's Ed25519 key that signs history exports in every deployment under test. */
export const DEPLOYMENT_SIGNING_KEY = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

const TOKEN_LIFETIME_MS = 60 * 60_000;

/** A staff member's authorization header, good for an hour of wall-clock time. */
export const staffToken = (role: StaffRole, id = `${role}-1`) =>
  `Bearer ${signStaffToken(DEPLOYMENT_STAFF_TOKEN_SECRET, { role, id }, new Date(Date.now() + TOKEN_LIFETIME_MS))}`;

async function advanceAt(urls: string[], by: { days?: number; hours?: number }): Promise<void> {
  for (const url of urls) {
    const response = await fetch(`${url}/test-clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: staffToken('admin') },
      body: JSON.stringify(by),
    });
    if (!response.ok) throw new Error(`advancing the clock at ${url}: ${response.status} ${await response.text()}`);
  }
}

const TAMPER_SQL = (schema: string) =>
  `UPDATE "${schema}".events SET data = jsonb_set(data, '{tampered}', 'true'::jsonb) WHERE stream_id = $1 AND version = $2`;

/** The journeys' webhook receiver listens on 127.0.0.1 over http: every deployment under test allows exactly that. */
export const WEBHOOK_TEST_ENV = { WEBHOOK_ALLOW_HTTP: 'true', WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' };

export async function startAllInOne(): Promise<Deployment> {
  // Webhook settings are read from the environment when client-intake's module is made.
  Object.assign(process.env, WEBHOOK_TEST_ENV);
  const smtp = await startSmtpTestServer();
  const config = loadConfig(
    'all-in-one',
    { PGLITE_DATA_DIR: 'memory', CLOCK: 'test', STAFF_TOKEN_SECRET: DEPLOYMENT_STAFF_TOKEN_SECRET, AGENCY_SIGNING_KEY: DEPLOYMENT_SIGNING_KEY, SMTP_URL: smtp.url, EMAIL_FROM: DEPLOYMENT_EMAIL_FROM },
    { port: 0 },
  );
  const composed = await composeProcess(config, ALL_SERVICES, { title: 'all-in-one under test', quiet: true });
  await composed.app.listen(0, '127.0.0.1');
  const url = (await composed.app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    mode: 'all-in-one',
    url: () => url,
    advanceClock: (by) => advanceAt([url], by),
    tamper: async (service, streamId, version) => {
      // The store's SQL driver is not part of the port; reaching it is this test's privilege.
      const store = composed.stores.get(service) as unknown as EventStore & { names: { schema: string }; driver: { query(s: { text: string; values: unknown[] }): Promise<unknown> } };
      await store.driver.query({ text: TAMPER_SQL(store.names.schema), values: [streamId, version] });
    },
    receivedMail: () => smtp.received,
    stop: async () => {
      await composed.close();
      await smtp.close();
    },
  };
}

/** The servers a distributed deployment runs on; by default the shared ones of `npm run infra:up`. */
export interface Servers {
  kafkaBrokers: string;
  databaseUrl: string;
  /** A MongoDB URL; its database name is replaced by one of the deployment's own. */
  mongoUrl: string;
}

export function sharedServers(): Servers {
  return { kafkaBrokers: required('KAFKA_BROKERS'), databaseUrl: required('DATABASE_URL'), mongoUrl: required('MONGO_URL') };
}

/**
 * Where each service of one distributed run listens and what it is told: the run's own
 * schemas, topic prefix and read-model database on `servers`, one staff token secret, and
 * where the other services answer.
 */
export async function distributedLayout(run: string, servers: Servers) {
  const ports = Object.fromEntries(await Promise.all(SERVICES.map(async (s) => [s, await freePort()] as const))) as Record<Service, number>;
  const urlOf = (service: Service) => `http://127.0.0.1:${ports[service]}`;
  const schemaOf = (service: Service) => `${run}_${service.replace(/-/g, '_')}`;
  const mongo = new URL(servers.mongoUrl);
  mongo.pathname = `/${run}`;
  const common = {
    EVENT_STORE: 'postgres',
    DATABASE_URL: servers.databaseUrl,
    MESSAGE_BUS: 'kafka',
    KAFKA_BROKERS: servers.kafkaBrokers,
    TOPIC_PREFIX: `${run}.`,
    READ_MODELS: 'mongo',
    MONGO_URL: mongo.toString(),
    CLOCK: 'test',
    STAFF_TOKEN_SECRET: DEPLOYMENT_STAFF_TOKEN_SECRET,
    AGENCY_SIGNING_KEY: DEPLOYMENT_SIGNING_KEY,
    CLIENT_INTAKE_URL: urlOf('client-intake'),
    DEBTOR_CONTACT_URL: urlOf('debtor-contact'),
    PAYMENTS_URL: urlOf('payments'),
    LEGAL_REFERRAL_URL: urlOf('legal-referral'),
    ...WEBHOOK_TEST_ENV,
  };
  const envOf = (service: Service) => ({ ...common, EVENT_STORE_SCHEMA: schemaOf(service) });
  return { ports, urlOf, schemaOf, envOf };
}

export async function startDistributed(): Promise<DistributedDeployment> {
  const run = `j${randomUUID().slice(0, 8)}`;
  const layout = await distributedLayout(run, sharedServers());
  const { ports, urlOf, schemaOf } = layout;
  const smtp = await startSmtpTestServer();
  const envOf = (service: Service) => ({ ...layout.envOf(service), SMTP_URL: smtp.url, EMAIL_FROM: DEPLOYMENT_EMAIL_FROM });
  const apps: RunningApp[] = await Promise.all(SERVICES.map((service) => startApp(service, envOf(service), 60_000, ports[service])));
  return {
    mode: 'distributed',
    url: urlOf,
    advanceClock: (by) => advanceAt(SERVICES.map(urlOf), by),
    envOf,
    receivedMail: () => smtp.received,
    restart: async (service, whileStopped) => {
      const index = SERVICES.indexOf(service);
      const code = await apps[index].stop();
      if (code !== 0) throw new Error(`${service} did not stop cleanly (${code}):\n${apps[index].output()}`);
      await whileStopped(envOf(service));
      apps[index] = await startApp(service, envOf(service), 60_000, ports[service]);
    },
    tamper: async (service, streamId, version) => {
      const client = new Client({ connectionString: required('DATABASE_URL') });
      await client.connect();
      try {
        await client.query(TAMPER_SQL(schemaOf(service)), [streamId, version]);
      } finally {
        await client.end();
      }
    },
    stop: async () => {
      const codes = await Promise.all(apps.map((app) => app.stop()));
      await smtp.close();
      const client = new Client({ connectionString: required('DATABASE_URL') });
      await client.connect();
      for (const service of SERVICES) await client.query(`DROP SCHEMA IF EXISTS "${schemaOf(service)}" CASCADE`);
      await client.end();
      const unclean = codes.map((code, i) => ({ app: SERVICES[i], code })).filter((c) => c.code !== 0);
      if (unclean.length > 0) throw new Error(`apps did not stop cleanly: ${JSON.stringify(unclean)}\n${apps.map((a) => a.output()).join('\n')}`);
    },
  };
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run \`npm run infra:up\` (npm test does) or point it at a server`);
  return value;
}
