import { DynamicModule, INestApplication, Module } from '@nestjs/common';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { AppConfig, InfrastructureConfig } from '@lib/config';
import { CheckpointStore, createPglite, createPgliteEventStore, EventStore } from '@lib/event-store';
import { shareAggregateCacheBudget } from '@lib/es-core';
import { processForeground, relayStart, rewindRelaysOnStart, trackConsumption } from '@lib/integration';
import { createHttpApp, listen } from './http-app';
import { ClockControl, createClockControl, createEventStore, createMessageBus, newId } from './infrastructure';
import { DEMO_STAFF_TOKENS } from './auth/staff-token';
import { seedPgliteDataDir } from './pglite-template';
import { rootModule } from './root-module';
import { ServiceDependencies } from './service-dependencies';
import { CLOCK_CONTROL, TestClockController } from './test-clock.controller';

/** What a process knows besides a service's own dependencies. */
export interface ProcessContext {
  config: AppConfig;
  /** The event stores of the services mounted in this process, by service name. */
  localStores: Map<string, EventStore>;
  /** Adapters a service created itself, closed with the process. */
  onClose: (close: () => Promise<void>) => void;
  /**
   * The PGlite that holds read models when READ_MODELS=pglite: the one the services'
   * event stores share, else one of its own next to their data. Each service takes a schema.
   */
  embeddedDatabase?: PGlite;
}

/** A service as a composition root sees it: a name and a way to build its module. */
export interface ServiceDefinition {
  name: string;
  create(deps: ServiceDependencies, process: ProcessContext): Promise<DynamicModule>;
}

export interface ComposedProcess {
  app: INestApplication;
  clockControl: ClockControl;
  stores: Map<string, EventStore & CheckpointStore>;
  /** Closes the HTTP app (runtimes stop), then the adapters. */
  close(): Promise<void>;
}

export interface ComposeOptions {
  title: string;
  quiet?: boolean;
  /** Seeds empty PGlite data folders from an empty cluster kept here (see seedPgliteDataDir). */
  pgliteTemplateDir?: string;
}

/**
 * Builds one process: a shared bus and clock, an event store per service (each service
 * keeps its own, also in the all-in-one process), the service modules, /health, and the
 * test clock when CLOCK=test.
 */
export async function composeProcess(config: AppConfig, services: ServiceDefinition[], options: ComposeOptions): Promise<ComposedProcess> {
  const closers: Array<() => Promise<void>> = [];
  const clockControl = createClockControl(config);
  const bus = createMessageBus(config.messageBus, config.topicPrefix);
  const stores = new Map<string, EventStore & CheckpointStore>();
  const sharedPglite = await sharedPgliteFor(config.eventStore, services, options.pgliteTemplateDir);
  for (const service of services) {
    const store = sharedPglite
      ? await createPgliteEventStore({ db: sharedPglite, schema: `es_${service.name.replace(/-/g, '_')}` })
      : await createEventStore(eventStoreFor(config.eventStore, service.name, services.length > 1), { pgliteTemplateDir: options.pgliteTemplateDir });
    stores.set(service.name, store);
  }
  // The default budget of folded states is per process: the all-in-one's stores share it.
  shareAggregateCacheBudget([...stores.values()]);
  const ownReadModelDatabase = config.readModels.kind === 'pglite' && !sharedPglite ? readModelPgliteFor(config.eventStore, services.length > 1) : undefined;
  // An in-process bus or in-memory read models forget across a restart: the relays
  // republish what consumers may not have handled (everything, with in-memory read
  // models), and consumers find each effect they already applied.
  if (relayStart(config) === 'from-last-consumed') trackConsumption(bus, services.map((service) => service.name));
  await rewindRelaysOnStart(config, stores);
  const context: ProcessContext = {
    config,
    localStores: stores,
    onClose: (close) => closers.push(close),
    embeddedDatabase: config.readModels.kind === 'pglite' ? (sharedPglite ?? ownReadModelDatabase) : undefined,
  };
  const modules: DynamicModule[] = [];
  for (const service of services) {
    const deps: ServiceDependencies = {
      eventStore: stores.get(service.name)!,
      bus,
      clock: clockControl.clock,
      newId,
      clockControl,
    };
    modules.push(await service.create(deps, context));
  }
  if (clockControl.testClock) modules.push(testClockModule(clockControl));

  const app = await createHttpApp({
    title: options.title,
    quiet: options.quiet,
    foreground: config.messageBus.kind === 'kafka' ? undefined : processForeground,
    module: rootModule(services.map((s) => s.name), modules, { staffTokens: config.staffTokens ?? DEMO_STAFF_TOKENS }),
  });
  return {
    app,
    clockControl,
    stores,
    close: async () => {
      await app.close();
      await bus.close();
      for (const close of closers) await close();
      for (const store of stores.values()) await store.close();
      await sharedPglite?.close();
      await ownReadModelDatabase?.close();
    },
  };
}

/**
 * shared_buffers of the embedded PostgreSQL unless PGLITE_SHARED_BUFFERS says otherwise.
 * PostgreSQL's default (128MB) is sized for a server; in the all-in-one it was a third of
 * the idle resident memory, and the operating system caches the data files anyway (see
 * docs/benchmarks.md, "The all-in-one resuming").
 */
export const EMBEDDED_SHARED_BUFFERS = '16MB';

function embeddedSettings(config: InfrastructureConfig['eventStore']): Record<string, string> {
  return { shared_buffers: (config.kind === 'pglite' && config.sharedBuffers) || EMBEDDED_SHARED_BUFFERS };
}

/**
 * The services of one process share one PGlite (PostgreSQL in WebAssembly), a schema each:
 * one instance's memory and one start instead of one per service, and each service still
 * owns its own streams. On disk the shared cluster is `<dataDir>/shared`; a data folder an
 * earlier version laid out per service (`<dataDir>/<service>`) keeps that layout, so no
 * history is left behind.
 */
async function sharedPgliteFor(config: InfrastructureConfig['eventStore'], services: ServiceDefinition[], templateDir: string | undefined): Promise<PGlite | undefined> {
  if (config.kind !== 'pglite' || services.length < 2) return undefined;
  if (!config.dataDir) return createPglite(undefined, embeddedSettings(config));
  const dataDir = config.dataDir;
  if (services.some((service) => existsSync(join(dataDir, service.name)))) return undefined;
  const shared = join(dataDir, 'shared');
  if (templateDir) await seedPgliteDataDir(shared, templateDir);
  mkdirSync(shared, { recursive: true });
  return createPglite(shared, embeddedSettings(config));
}

/**
 * Where read models go when the event stores have no PGlite to share (one service per
 * process, or the earlier per-service layout): a PGlite of their own beside the stores' data.
 */
function readModelPgliteFor(config: InfrastructureConfig['eventStore'], severalServices: boolean): PGlite {
  if (config.kind !== 'pglite') throw new Error('READ_MODELS=pglite needs EVENT_STORE=pglite');
  if (!config.dataDir) return createPglite(undefined, embeddedSettings(config));
  const dataDir = severalServices ? join(config.dataDir, 'read-models') : `${config.dataDir}-read-models`;
  mkdirSync(dataDir, { recursive: true });
  return createPglite(dataDir, embeddedSettings(config));
}

function eventStoreFor(config: InfrastructureConfig['eventStore'], service: string, shared: boolean): InfrastructureConfig['eventStore'] {
  if (!shared) return config;
  if (config.kind === 'pglite') return { kind: 'pglite', dataDir: config.dataDir ? join(config.dataDir, service) : undefined };
  if (config.kind === 'postgres') return { ...config, schema: `${config.schema}_${service.replace(/-/g, '_')}` };
  return config;
}

function testClockModule(control: ClockControl): DynamicModule {
  @Module({})
  class TestClockModule {}
  return { module: TestClockModule, controllers: [TestClockController], providers: [{ provide: CLOCK_CONTROL, useValue: control }] };
}

/** A process's `main`: compose, listen, stop gracefully on SIGTERM/SIGINT. */
export async function runProcess(
  config: AppConfig,
  services: ServiceDefinition[],
  title: string,
  options: Omit<ComposeOptions, 'title'> = {},
): Promise<ComposedProcess & { url: string }> {
  const composed = await composeProcess(config, services, { ...options, title });
  const url = await listen(composed.app, config.port, config.host, config.app, composed.close);
  return { ...composed, url };
}
