/**
 * Message bus benchmark.
 *
 * 1. The Kafka adapter against raw kafkajs: publish→consume of the same messages, for
 *    each size in BENCH_SIZES, rounds interleaved (adapter first in even rounds, raw
 *    first in odd ones) so that the machine's changing load falls on both alike. Prints
 *    per size the median ratio adapter/raw (throughput) and its range, throughput and
 *    latency percentiles of both.
 * 2. A profile of both adapters (Kafka and in-process) at the first size: throughput,
 *    catch-up of a new group, one-at-a-time latency.
 *
 * Run from the repository root:
 *   npx tsc -p tsconfig.build.json
 *   node -r ./deploy/runtime/register-paths.js dist/bench/message-bus.bench.js
 *
 * Environment (all optional):
 *   KAFKA_BROKERS            loopback brokers only (127.0.0.1, localhost, ::1); read from
 *                            .infra/env when unset; without it only in-process runs
 *   BENCH_SIZES              messages per comparison run, comma-separated (default
 *                            20000,100000, each at most 200000)
 *   BENCH_ROUNDS             comparison rounds per size (default 7, max 20)
 *   BENCH_PROFILE            0 skips part 2 (default 1)
 *   BENCH_LATENCY_MESSAGES   messages in the one-at-a-time latency run (default 300, max 5000)
 *   BENCH_MAX_SECONDS        time limit of each run (default 120, max 600)
 *
 * A first round of 5000 messages each is run and not counted: whichever contender went
 * first in the process otherwise paid for compiling kafkajs' hot code.
 *
 * Every run: a fresh topic of 3 partitions (retention forever, as the adapter creates
 * them), one subscriber in a fresh group, one warm-up message through it and a pause of
 * SETTLE_MS (so both consumers start idle in a fetch), then messages published in awaited
 * batches of 500 over 100 keys, clocked from the first publish to the last delivery. Latency is publish
 * call to handler entry; in a burst it is mostly queueing behind the burst itself.
 *
 * Raw kafkajs is what an application would write without the adapter: a default
 * producer (`sendBatch`, acks all), a consumer with the adapter's group timings and
 * partition concurrency running `eachBatch` (auto-resolve, auto-commit) that decodes
 * each value and awaits the same handler. It gives none of the adapter's guarantees on
 * failure (retry in place, dead letters): it is the speed to match.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Kafka, Partitioners, logLevel } from 'kafkajs';
import { MessageBus, OutgoingMessage, createInProcessMessageBus, createKafkaMessageBus } from '@lib/message-bus';
import { median, readInfraEnv, reportFigure } from './bench-support';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
const BATCH = 500;
const KEYS = 100;
const PARTITIONS = 3;

/** The adapter's consumer settings, given to raw kafkajs too: only the code in between differs. */
const CONSUMER_SETTINGS = { sessionTimeout: 6_000, heartbeatInterval: 500, rebalanceTimeout: 10_000, maxWaitTimeInMs: 250 };
const CONCURRENCY = 3;
const WARM_UP_ID = 'warm-up';
const WARM_UP_ROUND_MESSAGES = 5_000;
/** Longer than the consumer's maxWaitTimeInMs plus a commit round trip on a loaded broker. */
const SETTLE_MS = 1_000;

interface Settings {
  sizes: number[];
  rounds: number;
  profile: boolean;
  latencyMessages: number;
  maxMs: number;
}

interface Percentiles {
  p50: number;
  p99: number;
  max: number;
}

interface Burst {
  messages: number;
  delivered: number;
  seconds: number;
  publishPerSecond: number;
  deliverPerSecond: number;
  latencyMs: Percentiles;
  /** The one warm-up message, publish to delivery, before the clock started. */
  warmUpMs: number;
  /**
   * CPU of this process (publisher and consumer both live in it) per message. Less
   * swayed by other processes' load than throughput, it shows the code's own cost.
   */
  cpuMicrosPerMessage: number;
  /** Clock start to the first delivery: what the consumer takes to see the burst begin. */
  firstDeliveryMs: number;
  /** Last publish acknowledged to the last delivery: what the consumer is behind at the end. */
  drainMs: number;
}

/** One way of publishing and consuming a burst: the adapter or raw kafkajs. */
interface Contender {
  name: string;
  burst(topic: string, messages: number, maxMs: number): Promise<Burst>;
  close(): Promise<void>;
}

async function main(): Promise<void> {
  const settings: Settings = {
    sizes: sizesFromEnv('BENCH_SIZES', [20_000, 100_000], 200_000),
    rounds: intFromEnv('BENCH_ROUNDS', 7, 20),
    profile: (process.env.BENCH_PROFILE ?? '1') !== '0',
    latencyMessages: intFromEnv('BENCH_LATENCY_MESSAGES', 300, 5_000),
    maxMs: intFromEnv('BENCH_MAX_SECONDS', 120, 600) * 1000,
  };
  const brokers = kafkaBrokers();
  const admin = brokers.length > 0 ? new Kafka({ clientId: 'message-bus-bench-admin', brokers, logLevel: logLevel.NOTHING }).admin() : undefined;
  const comparison: Array<{ size: number; runs: Array<{ adapter: Burst; raw: Burst }> }> = [];
  const profiles: Profile[] = [];
  try {
    if (admin) {
      await admin.connect();
      // Whichever contender ran first in the process paid for compiling kafkajs' hot code
      // (it ran every first round at 0.3 – 0.45× the other): one round of each, not counted, first.
      await compare(brokers, admin, WARM_UP_ROUND_MESSAGES, { ...settings, rounds: 2 }, 'warm-up, not counted: ');
      for (const size of settings.sizes) comparison.push({ size, runs: await compare(brokers, admin, size, settings) });
      printComparison(comparison);
    } else {
      console.log('KAFKA_BROKERS not set (nor in .infra/env): Kafka skipped');
    }
    if (settings.profile) {
      profiles.push(await profile('in-process', () => createInProcessMessageBus(), settings));
      if (admin) {
        profiles.push(
          await profile('kafka', () => createKafkaMessageBus({ brokers, clientId: 'message-bus-bench', logLevel: 'error' }), settings),
        );
      }
      printProfiles(profiles, settings);
    }
  } finally {
    if (admin) {
      await deleteBenchTopics(admin);
      await admin.disconnect();
    }
  }
  console.log(JSON.stringify({ bench: 'message-bus', node: process.version, settings, comparison, profiles }));
}

async function compare(
  brokers: string[],
  admin: Admin,
  size: number,
  settings: Settings,
  label = '',
): Promise<Array<{ adapter: Burst; raw: Burst }>> {
  const runs: Array<{ adapter: Burst; raw: Burst }> = [];
  for (let round = 0; round < settings.rounds; round++) {
    const order = round % 2 === 0 ? (['adapter', 'raw'] as const) : (['raw', 'adapter'] as const);
    const results: Partial<Record<'adapter' | 'raw', Burst>> = {};
    for (const name of order) {
      const topic = benchTopic(`${name}-${size}`);
      await createTopic(admin, topic);
      const contender = name === 'adapter' ? adapterContender(brokers) : rawContender(brokers);
      try {
        results[name] = await contender.burst(topic, size, settings.maxMs);
      } finally {
        await contender.close();
      }
      // The broker still writes the last run's log segments; a short pause keeps that off the next run.
      await delay(500);
    }
    const run = { adapter: results.adapter!, raw: results.raw! };
    runs.push(run);
    console.log(
      `${label}${size} messages, round ${round + 1}/${settings.rounds} (${order.join(' then ')}): ` +
        `adapter ${Math.round(run.adapter.deliverPerSecond)} msg/s, raw ${Math.round(run.raw.deliverPerSecond)} msg/s, ` +
        `ratio ${(run.adapter.deliverPerSecond / run.raw.deliverPerSecond).toFixed(2)}; ` +
        `CPU µs/msg adapter ${run.adapter.cpuMicrosPerMessage.toFixed(1)}, raw ${run.raw.cpuMicrosPerMessage.toFixed(1)}; ` +
        `first delivery ms adapter ${Math.round(run.adapter.firstDeliveryMs)}, raw ${Math.round(run.raw.firstDeliveryMs)}; ` +
        `drain after the last publish ms adapter ${Math.round(run.adapter.drainMs)}, raw ${Math.round(run.raw.drainMs)}; ` +
        `publish s adapter ${(run.adapter.messages / run.adapter.publishPerSecond).toFixed(2)}, raw ${(run.raw.messages / run.raw.publishPerSecond).toFixed(2)}`,
    );
  }
  return runs;
}

function adapterContender(brokers: string[]): Contender {
  const bus = createKafkaMessageBus({ brokers, clientId: 'message-bus-bench', logLevel: 'error' });
  return {
    name: 'adapter',
    burst: (topic, messages, maxMs) => busBurst(bus, topic, messages, maxMs),
    close: () => bus.close(),
  };
}

function rawContender(brokers: string[]): Contender {
  const kafka = new Kafka({ clientId: 'message-bus-bench-raw', brokers, logLevel: logLevel.ERROR });
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
  const consumer = kafka.consumer({ groupId: `bench-raw-${randomUUID().slice(0, 8)}`, ...CONSUMER_SETTINGS, allowAutoTopicCreation: false });
  return {
    name: 'raw',
    async burst(topic, messages, maxMs) {
      const meter = new Meter();
      await producer.connect();
      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      const joined = new Promise<void>((resolve) => {
        const remove = consumer.on(consumer.events.GROUP_JOIN, () => {
          remove();
          resolve();
        });
      });
      await consumer.run({
        partitionsConsumedConcurrently: CONCURRENCY,
        eachBatch: async ({ batch }) => {
          for (const raw of batch.messages) {
            const value = JSON.parse(raw.value!.toString('utf8')) as BenchValue;
            await meter.handle(String(raw.headers!['message-id']), value);
          }
        },
      });
      await joined;
      return meter.burst(
        messages,
        maxMs,
        async (batch) => {
          await producer.sendBatch({
            acks: -1,
            topicMessages: [
              {
                topic,
                messages: batch.map((m) => ({ key: m.key, value: JSON.stringify(m.value), headers: { ...m.headers } })),
              },
            ],
          });
        },
        topic,
      );
    },
    async close() {
      await consumer.disconnect();
      await producer.disconnect();
    },
  };
}

async function busBurst(bus: MessageBus, topic: string, messages: number, maxMs: number): Promise<Burst> {
  const meter = new Meter();
  const subscription = await bus.subscribe({
    groupId: `bench-${randomUUID().slice(0, 8)}`,
    topics: [topic],
    handler: (m) => meter.handle(m.headers['message-id'], m.value as BenchValue),
  });
  try {
    return await meter.burst(messages, maxMs, (batch) => bus.publish(batch), topic);
  } finally {
    await subscription.close();
  }
}

interface BenchValue {
  sentAt: number;
}

/** Counts first deliveries and their latency; both contenders hand it every message. */
class Meter {
  private readonly seen = new Set<string>();
  private readonly latencies: number[] = [];
  private lastDelivery = 0;
  private firstDelivery = 0;

  /** Set once the warm-up message came through: producer connected, consumer fetching. */
  private warmedUp = false;

  async handle(id: string, value: BenchValue): Promise<void> {
    const now = performance.now();
    if (id === WARM_UP_ID) {
      this.warmedUp = true;
      return;
    }
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.latencies.push(now - value.sentAt);
    if (this.seen.size === 1) this.firstDelivery = now;
    this.lastDelivery = now;
  }

  /**
   * Before the clock starts, one message goes through: the producer's connection (and the
   * adapter's idempotent producer id) and the consumer's first fetch are then paid by
   * both contenders alike and outside the figures; `warmUpMs` shows what they cost.
   */
  async burst(messages: number, maxMs: number, publish: (batch: OutgoingMessage[]) => Promise<void>, topic: string): Promise<Burst> {
    const warmUpStarted = performance.now();
    await publish([{ ...benchMessage(topic, 0, warmUpStarted), headers: { ...benchMessage(topic, 0, 0).headers, 'message-id': WARM_UP_ID } }]);
    await until(() => this.warmedUp, warmUpStarted + maxMs);
    if (!this.warmedUp) throw new Error(`the warm-up message on ${topic} never arrived`);
    const warmUpMs = performance.now() - warmUpStarted;
    // After handling the warm-up, kafkajs commits it and heartbeats before it fetches again;
    // that first commit of a new group took 60-700 ms on the loaded machine and fell inside
    // the clock, by chance more for one contender than the other. Both now start from a
    // consumer waiting in a fetch.
    await delay(SETTLE_MS);
    const started = performance.now();
    const cpuAtStart = process.cpuUsage();
    const deadline = started + maxMs;
    let published = 0;
    while (published < messages && performance.now() < deadline) {
      const size = Math.min(BATCH, messages - published);
      const sentAt = performance.now();
      await publish(Array.from({ length: size }, (_, i) => benchMessage(topic, published + i, sentAt)));
      published += size;
    }
    const publishedAt = performance.now();
    await until(() => this.seen.size >= published, deadline);
    const cpu = process.cpuUsage(cpuAtStart);
    const elapsed = (this.seen.size > 0 ? this.lastDelivery : performance.now()) - started;
    return {
      messages: published,
      delivered: this.seen.size,
      seconds: elapsed / 1000,
      publishPerSecond: published / ((publishedAt - started) / 1000),
      deliverPerSecond: this.seen.size / (elapsed / 1000),
      latencyMs: percentiles(this.latencies),
      warmUpMs,
      cpuMicrosPerMessage: (cpu.user + cpu.system) / Math.max(1, published),
      firstDeliveryMs: this.firstDelivery - started,
      drainMs: this.lastDelivery - publishedAt,
    };
  }
}

function printComparison(comparison: Array<{ size: number; runs: Array<{ adapter: Burst; raw: Burst }> }>): void {
  console.log('\nKafka adapter vs raw kafkajs (sendBatch + eachBatch), publish→consume');
  for (const { size, runs } of comparison) {
    reportFigure(`kafka-${Math.round(size / 1000)}k-vs-raw`, median(runs.map((r) => r.adapter.deliverPerSecond / r.raw.deliverPerSecond)));
  }
  console.table(
    comparison.map(({ size, runs }) => {
      const ratios = runs.map((r) => r.adapter.deliverPerSecond / r.raw.deliverPerSecond);
      const of = (pick: (r: { adapter: Burst; raw: Burst }) => number): number => Math.round(median(runs.map(pick)));
      return {
        messages: size,
        rounds: runs.length,
        'median ratio': round(median(ratios)),
        'ratio range': `${round(Math.min(...ratios))} – ${round(Math.max(...ratios))}`,
        'adapter msg/s': of((r) => r.adapter.deliverPerSecond),
        'raw msg/s': of((r) => r.raw.deliverPerSecond),
        'adapter publish msg/s': of((r) => r.adapter.publishPerSecond),
        'raw publish msg/s': of((r) => r.raw.publishPerSecond),
        'adapter p50/p99 ms': `${of((r) => r.adapter.latencyMs.p50)} / ${of((r) => r.adapter.latencyMs.p99)}`,
        'raw p50/p99 ms': `${of((r) => r.raw.latencyMs.p50)} / ${of((r) => r.raw.latencyMs.p99)}`,
        'CPU µs/msg adapter/raw': `${of((r) => r.adapter.cpuMicrosPerMessage)} / ${of((r) => r.raw.cpuMicrosPerMessage)}`,
        'median CPU ratio': round(median(runs.map((r) => r.adapter.cpuMicrosPerMessage / r.raw.cpuMicrosPerMessage))),
        'warm-up ms adapter/raw': `${of((r) => r.adapter.warmUpMs)} / ${of((r) => r.raw.warmUpMs)}`,
        'first delivery ms adapter/raw': `${of((r) => r.adapter.firstDeliveryMs)} / ${of((r) => r.raw.firstDeliveryMs)}`,
        'drain ms adapter/raw': `${of((r) => r.adapter.drainMs)} / ${of((r) => r.raw.drainMs)}`,
        lost: runs.reduce((n, r) => n + (r.adapter.messages - r.adapter.delivered) + (r.raw.messages - r.raw.delivered), 0),
      };
    }),
  );
}

interface Profile extends Burst {
  adapter: string;
  catchUpPerSecond: number;
  idleLatencyMs: Percentiles;
  idleSamples: number;
}

async function profile(adapter: string, create: () => MessageBus, settings: Settings): Promise<Profile> {
  const bus = create();
  try {
    const topic = benchTopic('throughput');
    await bus.ensureTopics([topic]);
    const burst = await busBurst(bus, topic, settings.sizes[0], settings.maxMs);
    const catchUpPerSecond = await catchUp(bus, topic, burst.messages, settings);
    const idle = await oneAtATime(bus, settings);
    return { adapter, ...burst, catchUpPerSecond, idleLatencyMs: percentiles(idle), idleSamples: idle.length };
  } finally {
    await bus.close();
  }
}

function printProfiles(profiles: Profile[], settings: Settings): void {
  console.log(`\n${settings.sizes[0]} messages (batches of ${BATCH}, ${KEYS} keys), ${settings.latencyMessages} one-at-a-time`);
  console.table(
    profiles.map((r) => ({
      adapter: r.adapter,
      delivered: `${r.delivered}/${r.messages}`,
      'publish msg/s': Math.round(r.publishPerSecond),
      'publish→consume msg/s': Math.round(r.deliverPerSecond),
      'catch-up msg/s': Math.round(r.catchUpPerSecond),
      'idle p50 ms': round(r.idleLatencyMs.p50),
      'idle p99 ms': round(r.idleLatencyMs.p99),
      'burst p50 ms': round(r.latencyMs.p50),
      'burst p99 ms': round(r.latencyMs.p99),
    })),
  );
}

type Admin = ReturnType<Kafka['admin']>;

const benchTopics: string[] = [];

function benchTopic(kind: string): string {
  const topic = `bench-${kind}-${randomUUID().slice(0, 8)}`;
  benchTopics.push(topic);
  return topic;
}

/** As the adapter creates topics, so that both contenders write to the same kind of log. */
async function createTopic(admin: Admin, topic: string): Promise<void> {
  await admin.createTopics({
    waitForLeaders: false,
    topics: [{ topic, numPartitions: PARTITIONS, replicationFactor: -1, configEntries: [{ name: 'retention.ms', value: '-1' }] }],
  });
  // Not kafkajs's waitForLeaders: right after a create the broker may still answer
  // UNKNOWN_TOPIC_OR_PARTITION, which it does not retry (a run on the loaded machine died of it).
  const deadline = performance.now() + 30_000;
  for (;;) {
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
      if (topics.every((entry) => entry.partitions.length === PARTITIONS && entry.partitions.every((partition) => partition.leader >= 0))) return;
    } catch (error) {
      if ((error as { type?: string }).type !== 'UNKNOWN_TOPIC_OR_PARTITION' || performance.now() > deadline) throw error;
    }
    if (performance.now() > deadline) throw new Error(`topic ${topic} has no leaders after 30 s`);
    await delay(50);
  }
}

/** The shared dev broker should not collect topics per run. */
async function deleteBenchTopics(admin: Admin): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const topics = benchTopics.filter((topic) => existing.has(topic));
  if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 30_000 });
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
      latencies.push(now - (m.value as BenchValue).sentAt);
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
  const raw = process.env.KAFKA_BROKERS ?? readInfraEnv('KAFKA_BROKERS') ?? '';
  const brokers = raw.split(',').map((b) => b.trim()).filter((b) => b !== '');
  for (const broker of brokers) {
    const host = broker.slice(0, broker.lastIndexOf(':'));
    if (!LOOPBACK.has(host)) {
      throw new Error(`refusing to benchmark against ${broker}: only loopback brokers (127.0.0.1) are allowed`);
    }
  }
  return brokers;
}

function intFromEnv(name: string, fallback: number, max: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got ${raw}`);
  return Math.min(value, max);
}

function sizesFromEnv(name: string, fallback: number[], max: number): number[] {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  return raw.split(',').map((part) => {
    const value = Number(part.trim());
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must list positive integers, got ${raw}`);
    return Math.min(value, max);
  });
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
