/**
 * The per-app e2e specs each run one service in-process against the same stand-ins
 * (PGlite store, in-process bus, test clock, a test staff token secret). Building and tearing that
 * world down in one place keeps the specs about the service's behaviour, and keeps the
 * teardown order (listeners before the app, the app before what it writes to) right everywhere.
 */
import { DynamicModule, INestApplication, Module, Type } from '@nestjs/common';
import request from 'supertest';
import { randomBytes, randomUUID } from 'node:crypto';
import { TestClock } from '@lib/clock';
import { createPgliteEventStore, PgliteEventStore } from '@lib/event-store';
import { BusSubscription, createInProcessMessageBus, IncomingMessage, MessageBus } from '@lib/message-bus';
import {
  AuthSettings,
  CLIENT_KEY_VERIFIER,
  ClientKeyVerifier,
  ClockControl,
  createHttpApp,
  rootModule,
  ServiceDependencies,
  signStaffToken,
  StaffRole,
} from '@lib/platform';

export type HttpClient = ReturnType<typeof request>;

/** The staff token secret of the apps under test: a deployment's secret, not the demo one, so tokens must carry `exp`. */
export const TEST_STAFF_TOKEN_SECRET = randomBytes(32).toString('base64url');

/** How the apps under test check staff tokens (the default of `startServiceUnderTest`). */
export const testStaffAuth: AuthSettings = { staffTokens: { kind: 'secret', secret: TEST_STAFF_TOKEN_SECRET } };

const TEST_TOKEN_LIFETIME_MS = 60 * 60_000;

/** An authorization header value the app under test accepts, for one staff member, good for an hour of wall-clock time. */
export function staffBearer(role: StaffRole, id = `${role}-1`): string {
  return `Bearer ${signStaffToken(TEST_STAFF_TOKEN_SECRET, { role, id }, new Date(Date.now() + TEST_TOKEN_LIFETIME_MS))}`;
}

@Module({})
class FixedClientKeysModule {}

/**
 * Client keys are client-intake's business; a process without it still needs client calls
 * to reach the role guard, so these keys (key → client id) stand in for its check.
 */
export function fixedClientKeys(keys: Record<string, string>): DynamicModule {
  const verifier: ClientKeyVerifier = { clientOf: async (key) => (Object.hasOwn(keys, key) ? keys[key] : null) };
  return { module: FixedClientKeysModule, global: true, providers: [{ provide: CLIENT_KEY_VERIFIER, useValue: verifier }], exports: [CLIENT_KEY_VERIFIER] };
}

export interface ServiceUnderTestOptions {
  /** The service's name, as the root module (and so its audit endpoint) knows it. */
  name: string;
  /** Where the test clock starts. */
  clockStart: string;
  module: (deps: ServiceDependencies) => DynamicModule;
  /** What the process would provide besides the service, e.g. `fixedClientKeys(...)`. */
  extraImports?: Array<Type<unknown> | DynamicModule>;
  /** How staff tokens are checked. Default: `testStaffAuth`, judged by the system clock. */
  auth?: AuthSettings;
  /** Topics whose messages the spec inspects; subscribed after the app is up, from the beginning. */
  listenTo?: readonly string[];
}

export interface ServiceUnderTest {
  app: INestApplication;
  http: HttpClient;
  store: PgliteEventStore;
  bus: MessageBus;
  clock: TestClock;
  /** What the service was built with, for specs that drive its parts (e.g. its schedulers) directly. */
  deps: ServiceDependencies & { clockControl: ClockControl };
  /** Every message seen so far on a topic named in `listenTo`; the same array grows as more arrive. */
  received(topic: string): IncomingMessage[];
  close(): Promise<void>;
}

export async function startServiceUnderTest(options: ServiceUnderTestOptions): Promise<ServiceUnderTest> {
  const store = await createPgliteEventStore();
  const bus = createInProcessMessageBus();
  const clock = new TestClock(options.clockStart);
  // As compose.ts does for a test clock, so services register their schedulers where a spec can tick them.
  const clockControl: ClockControl = { clock, testClock: clock, schedulers: new Set() };
  const deps: ServiceUnderTest['deps'] = { eventStore: store, bus, clock, newId: randomUUID, clockControl };
  const app = await createHttpApp({
    title: `${options.name} test`,
    quiet: true,
    module: rootModule([options.name], [options.module(deps), ...(options.extraImports ?? [])], options.auth ?? testStaffAuth),
  });
  await app.init();

  const messages = new Map<string, IncomingMessage[]>();
  const listeners: BusSubscription[] = [];
  for (const topic of options.listenTo ?? []) {
    const seen: IncomingMessage[] = [];
    messages.set(topic, seen);
    listeners.push(await bus.subscribe({ groupId: `${options.name}-e2e-${topic}`, topics: [topic], handler: async (m) => void seen.push(m) }));
  }

  return {
    app,
    http: request(app.getHttpServer()),
    store,
    bus,
    clock,
    deps,
    received: (topic) => {
      const seen = messages.get(topic);
      // An unwatched topic would only show up later as a wait that times out.
      if (!seen) throw new Error(`${topic} is not in listenTo of the ${options.name} test`);
      return seen;
    },
    close: async () => {
      for (const listener of listeners) await listener.close();
      await app.close();
      await bus.close();
      await store.close();
    },
  };
}
