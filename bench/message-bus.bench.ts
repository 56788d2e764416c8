/**
 * Message bus benchmark: publish→consume throughput and end-to-end latency, for Kafka
 * and for the in-process bus as a baseline.
 *
 * Run from the repository root:
 *   npx tsc -p tsconfig.build.json
 *   TS_NODE_BASEURL=./dist node -r tsconfig-paths/register dist/bench/message-bus.bench.js
 * or, with the project's own alias resolver:
 *   node -r ./deploy/runtime/register-paths.js dist/bench/message-bus.bench.js
 *
 * Environment (all optional):
 *   KAFKA_BROKERS            loopback brokers only (127.0.0.1, localhost, ::1); read from
 *                            .infra/env when unset; without it only in-process runs
 *   BENCH_MESSAGES           messages in the throughput run (default 20000, max 200000)
 *   BENCH_LATENCY_MESSAGES   messages in the one-at-a-time latency run (default 300, max 5000)
 *   BENCH_MAX_SECONDS        time limit of each run (default 60, max 300)
 *
 * Throughput: one subscriber (one consumer, 3 partitions), messages published in
 * batches of 500 over 100 keys, clocked from the first publish to the last delivery.
 * Catch-up: a new group then reads that same topic from the beginning, as a projection
 * rebuild or a consumer back from an outage would.
 * Latency: one message at a time, publish call to handler entry, the next published
 * only after the previous was delivered; this is the latency an idle system shows.
 * The latencies measured during the throughput run are printed too: they include
 * queueing behind the burst, and say more about the backlog than about the bus.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Kafka, logLevel } from 'kafkajs';
import { MessageBus, OutgoingMessage, createInProcessMessageBus, createKafkaMessageBus } from '@lib/message-bus';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
const BATCH = 500;
const KEYS = 100;

interface Settings {
  messages: number;
  latencyMessages: number;
  maxMs: number;
}

interface Result {
  adapter: string;
  messages: number;
  delivered: number;
  seconds: number;
  publishPerSecond: number;
  deliverPerSecond: number;
  catchUpPerSecond: number;
  burstLatencyMs: Percentiles;
  idleLatencyMs: Percentiles;
  idleSamples: number;
}

interface Percentiles {
  p50: number;
  p99: number;
  max: number;
}

async function main(): Promise<void> {
  const settings: Settings = {
    messages: intFromEnv('BENCH_MESSAGES', 20_000, 200_000),
    latencyMessages: intFromEnv('BENCH_LATENCY_MESSAGES', 300, 5_000),
    maxMs: intFromEnv('BENCH_MAX_SECONDS', 60, 300) * 1000,
  };
  const results: Result[] = [];

  results.push(await run('in-process', () => createInProcessMessageBus(), settings));

  const brokers = kafkaBrokers();
  if (brokers.length === 0) {
    console.log('KAFKA_BROKERS not set (nor in .infra/env): Kafka skipped');
  } else {
    try {
      results.push(
        await run('kafka', () => createKafkaMessageBus({ brokers, clientId: 'message-bus-bench', logLevel: 'error' }), settings),
      );
    } finally {
      await deleteBenchTopics(brokers);
    }
  }

  console.log(`\nnode ${process.version}, ${settings.messages} messages (batches of ${BATCH}, ${KEYS} keys), ${settings.latencyMessages} one-at-a-time`);
  console.table(
    results.map((r) => ({
      adapter: r.adapter,
      delivered: `${r.delivered}/${r.messages}`,
      'publish msg/s': Math.round(r.publishPerSecond),
      'publish→consume msg/s': Math.round(r.deliverPerSecond),
      'catch-up msg/s': Math.round(r.catchUpPerSecond),
      'idle p50 ms': round(r.idleLatencyMs.p50),
      'idle p99 ms': round(r.idleLatencyMs.p99),
      'burst p50 ms': round(r.burstLatencyMs.p50),
      'burst p99 ms': round(r.burstLatencyMs.p99),
    })),
  );
  console.log(JSON.stringify({ bench: 'message-bus', settings, results }));
}

async function run(adapter: string, create: () => MessageBus, settings: Settings): Promise<Result> {
  const bus = create();
  try {
    const { topic, ...burst } = await throughput(bus, settings);
    const catchUpPerSecond = await catchUp(bus, topic, burst.messages, settings);
    const idle = await oneAtATime(bus, settings);
    return { adapter, ...burst, catchUpPerSecond, idleLatencyMs: percentiles(idle), idleSamples: idle.length };
  } finally {
    await bus.close();
  }
}

const benchTopics: string[] = [];

function benchTopic(kind: string): string {
  const topic = `bench-${kind}-${randomUUID().slice(0, 8)}`;
  benchTopics.push(topic);
  return topic;
}

/** The shared dev broker should not collect a pair of topics per run. */
async function deleteBenchTopics(brokers: string[]): Promise<void> {
  const admin = new Kafka({ clientId: 'message-bus-bench-admin', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const topics = benchTopics.filter((topic) => existing.has(topic));
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 10_000 });
  } finally {
    await admin.disconnect();
  }
}

async function throughput(
  bus: MessageBus,
  settings: Settings,
): Promise<Omit<Result, 'adapter' | 'idleLatencyMs' | 'idleSamples' | 'catchUpPerSecond'> & { topic: string }> {
  const topic = benchTopic('throughput');
  await bus.ensureTopics([topic]);
  const latencies: number[] = [];
  const seen = new Set<string>();
  let lastDelivery = 0;
  const subscription = await bus.subscribe({
    groupId: `bench-${randomUUID().slice(0, 8)}`,
    topics: [topic],
    handler: async (m) => {
      const now = performance.now();
      if (seen.has(m.headers['message-id'])) return;
      seen.add(m.headers['message-id']);
      latencies.push(now - (m.value as { sentAt: number }).sentAt);
      lastDelivery = now;
    },
  });

  const started = performance.now();
  const deadline = started + settings.maxMs;
  let published = 0;
  while (published < settings.messages && performance.now() < deadline) {
    const size = Math.min(BATCH, settings.messages - published);
    const sentAt = performance.now();
    await bus.publish(Array.from({ length: size }, (_, i) => benchMessage(topic, published + i, sentAt)));
    published += size;
  }
  const publishedAt = performance.now();
  await until(() => seen.size >= published, deadline);
  await subscription.close();

  const elapsed = (seen.size > 0 ? lastDelivery : performance.now()) - started;
  return {
    topic,
    messages: published,
    delivered: seen.size,
    seconds: elapsed / 1000,
    publishPerSecond: published / ((publishedAt - started) / 1000),
    deliverPerSecond: seen.size / (elapsed / 1000),
    burstLatencyMs: percentiles(latencies),
  };
}

async function catchUp(bus: MessageBus, topic: string, expected: number, settings: Settings): Promise<number> {
  const seen = new Set<string>();
  const started = performance.now();
  const subscription = await bus.subscribe({
    groupId: `bench-${randomUUID().slice(0, 8)}`,
    topics: [topic],
    handler: async (m) => {
      seen.add(m.headers['message-id']);
    },
  });
  await until(() => seen.size >= expected, started + settings.maxMs);
  const elapsed = performance.now() - started;
  await subscription.close();
  return seen.size / (elapsed / 1000);
}

async function oneAtATime(bus: MessageBus, settings: Settings): Promise<number[]> {
  const topic = benchTopic('latency');
  await bus.ensureTopics([topic]);
  let waiting: { id: string; resolve: () => void } | undefined;
  const latencies: number[] = [];
  const subscription = await bus.subscribe({
    groupId: `bench-${randomUUID().slice(0, 8)}`,
    topics: [topic],
    handler: async (m) => {
      const now = performance.now();
      if (waiting?.id !== m.headers['message-id']) return;
      latencies.push(now - (m.value as { sentAt: number }).sentAt);
      waiting.resolve();
    },
  });
  const deadline = performance.now() + settings.maxMs;
  for (let n = 0; n < settings.latencyMessages && performance.now() < deadline; n += 1) {
    const message = benchMessage(topic, n, performance.now());
    const delivered = new Promise<void>((resolve) => {
      waiting = { id: message.headers['message-id'], resolve };
    });
    await bus.publish([message]);
    if (!(await beforeDeadline(delivered, deadline))) break;
  }
  await subscription.close();
  return latencies;
}

function benchMessage(topic: string, n: number, sentAt: number): OutgoingMessage {
  const id = randomUUID();
  return {
    topic,
    key: `account-${n % KEYS}`,
    value: { sentAt, n, amount: { minor: 1999, currency: 'EUR' }, note: 'benchmark payload of a typical size' },
    headers: { 'message-type': 'Bench.v1', 'message-id': id, 'correlation-id': id, 'causation-id': id },
  };
}

function percentiles(samples: number[]): Percentiles {
  if (samples.length === 0) return { p50: NaN, p99: NaN, max: NaN };
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] };
}

/** Brokers from the environment or `.infra/env`, refused unless every one is on this machine. */
function kafkaBrokers(): string[] {
  const raw = process.env.KAFKA_BROKERS ?? fromInfraEnv('KAFKA_BROKERS') ?? '';
  const brokers = raw.split(',').map((b) => b.trim()).filter((b) => b !== '');
  for (const broker of brokers) {
    const host = broker.slice(0, broker.lastIndexOf(':'));
    if (!LOOPBACK.has(host)) {
      throw new Error(`refusing to benchmark against ${broker}: only loopback brokers (127.0.0.1) are allowed`);
    }
  }
  return brokers;
}

function fromInfraEnv(name: string): string | undefined {
  const file = join(process.cwd(), '.infra', 'env');
  if (!existsSync(file)) return undefined;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^(?:export\s+)?([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match?.[1] === name) return match[2].replace(/^['"]|['"]$/g, '');
  }
  return undefined;
}

function intFromEnv(name: string, fallback: number, max: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got ${raw}`);
  return Math.min(value, max);
}

async function until(condition: () => boolean, deadline: number): Promise<void> {
  while (!condition() && performance.now() < deadline) await delay(5);
}

async function beforeDeadline(promise: Promise<void>, deadline: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, deadline - performance.now()));
  });
  try {
    return await Promise.race([promise.then(() => true), expired]);
  } finally {
    clearTimeout(timer);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
