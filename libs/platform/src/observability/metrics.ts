import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { embeddedDatabaseMemoryBytes } from '@lib/event-store';
import type { ServiceRuntime } from '@lib/integration';

/** Methods whose requests are commands (they change something), counted in `commands_total`. */
const COMMAND_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A command's outcome as an operator reads it: done, refused by a rule or by the request's shape, or failed on our side. */
export type CommandOutcome = 'accepted' | 'refused' | 'failed';

export function outcomeOf(status: number): CommandOutcome {
  if (status >= 500) return 'failed';
  return status >= 400 ? 'refused' : 'accepted';
}

/**
 * The metrics of one process, in Prometheus's text format at `/metrics`. One registry per
 * app (not prom-client's global one), so several apps in one test process do not mix.
 * Runtime figures (relay lag, consumer lag, due work, inbound messages, dead letters) are
 * read from the services' runtimes at each scrape.
 */
export class ProcessMetrics {
  readonly registry = new Registry();
  private readonly httpDuration: Histogram<'method' | 'route' | 'status_code'>;
  private readonly commands: Counter<'source' | 'service' | 'command' | 'outcome' | 'rule'>;
  private readonly deadLetters: Counter<'service' | 'topic'>;
  private runtimes: () => ServiceRuntime[] = () => [];

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    this.httpDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency, by method, route template and status code.',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.commands = new Counter({
      name: 'commands_total',
      help: 'Commands by outcome (accepted, refused, failed) and refusal rule: HTTP writes (source="http", command="METHOD /route") and inbound integration messages (source="message", command=message type, service=consumer).',
      labelNames: ['source', 'service', 'command', 'outcome', 'rule'],
      registers: [this.registry],
    });
    const runtimes = () => this.runtimes();
    new Gauge({
      name: 'relay_lag_events',
      help: `Events stored but not yet relayed to the bus, per service (counted up to 10000).`,
      labelNames: ['service'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const runtime of runtimes()) {
          const health = await answered(runtime.relay.health(Number.POSITIVE_INFINITY));
          if (health) this.set({ service: runtime.service }, health.lag);
        }
      },
    });
    new Gauge({
      name: 'relay_seconds_since_progress',
      help: 'Seconds since the relay last saved its checkpoint or found nothing to publish, per service.',
      labelNames: ['service'],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const runtime of runtimes()) this.set({ service: runtime.service }, runtime.relay.sinceProgressMs() / 1000);
      },
    });
    new Gauge({
      name: 'consumer_lag_messages',
      help: "Messages on the topics a service consumes that its consumer group has not committed yet.",
      labelNames: ['service'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const runtime of runtimes()) {
          const lag = await answered(runtime.consumerLag());
          if (lag !== undefined) this.set({ service: runtime.service }, lag);
        }
      },
    });
    new Gauge({
      name: 'embedded_database_memory_bytes',
      help: 'WebAssembly memory of the embedded PostgreSQL (PGlite) instances of this process; 0 when it has none.',
      registers: [this.registry],
      collect() {
        this.set(embeddedDatabaseMemoryBytes());
      },
    });
    this.deadLetters = new Counter({
      name: 'dead_letters_total',
      help: 'Inbound messages a service gave up on after their last attempt (sent to <topic>.dead-letter).',
      labelNames: ['service', 'topic'],
      registers: [this.registry],
    });
    new Gauge({
      name: 'scheduled_work_due',
      help: 'Scheduled work items due now and not yet fired, per service with a scheduler.',
      labelNames: ['service'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const runtime of runtimes()) {
          const due = runtime.scheduler && (await answered(runtime.scheduler.dueCount()));
          if (due !== undefined) this.set({ service: runtime.service }, due);
        }
      },
    });
  }

  /** Where the metrics read the services' runtimes from; set once the app's providers exist. */
  readFrom(runtimes: () => ServiceRuntime[]): void {
    this.runtimes = runtimes;
  }

  /**
   * Express middleware: times each request and, for commands, counts its outcome. The
   * route is Express's matched template (`/cases/:accountId/contacts`), never the raw URL,
   * so labels stay few; the refusal rule is what the exception filter left in
   * `res.locals.rule`.
   */
  readonly middleware = (request: Request, response: Response, next: NextFunction): void => {
    const stop = this.httpDuration.startTimer();
    response.on('finish', () => {
      const route = (request.route as { path?: string } | undefined)?.path ?? 'unmatched';
      stop({ method: request.method, route, status_code: String(response.statusCode) });
      if (!COMMAND_METHODS.has(request.method) || route === 'unmatched') return;
      const rule = typeof response.locals?.rule === 'string' ? response.locals.rule : '';
      this.commands.inc({ source: 'http', service: '', command: `${request.method} ${route}`, outcome: outcomeOf(response.statusCode), rule });
    });
    next();
  };

  /** Text format for a scrape; the runtimes' message counts are brought up to date first. */
  async scrape(): Promise<string> {
    for (const runtime of this.runtimes()) {
      for (const { type, outcome, rule, count } of runtime.inboundCounts()) {
        await catchUp(this.commands, { source: 'message', service: runtime.service, command: type, outcome, rule }, count);
      }
      for (const { topic, count } of runtime.deadLetters()) await catchUp(this.deadLetters, { service: runtime.service, topic }, count);
    }
    return this.registry.metrics();
  }
}

/** How long a gauge waits for a store or the bus at scrape time. */
const SCRAPE_TIMEOUT_MS = 2_000;

/**
 * A figure that needs a store or the bus, or undefined when it cannot be had in time: the
 * scrape still answers, without that sample (readiness says what is down).
 */
async function answered<T>(work: Promise<T>): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), SCRAPE_TIMEOUT_MS)));
  work.catch(() => undefined);
  try {
    return await Promise.race([work.catch(() => undefined), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Raises a counter to a total kept elsewhere (counters only go up, and so do those totals). */
async function catchUp<Label extends string>(counter: Counter<Label>, labels: Record<Label, string>, total: number): Promise<void> {
  const same = (value: { labels: Record<string, unknown> }) => Object.entries(labels).every(([key, wanted]) => String(value.labels[key] ?? '') === wanted);
  const current = (await counter.get()).values.find(same)?.value ?? 0;
  if (total > current) counter.inc(labels as never, total - current);
}
