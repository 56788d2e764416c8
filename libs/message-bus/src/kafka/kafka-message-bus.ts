import { createRequire } from 'node:module';
import type * as KafkaJs from 'kafkajs';
import type { Admin, Consumer, EachBatchPayload, IHeaders, Kafka, KafkaMessage, LogEntry, Message, Producer, logLevel } from 'kafkajs';
import {
  BusSubscription,
  GroupHasMembersError,
  IncomingMessage,
  MessageBus,
  MessageHeaders,
  OutgoingMessage,
  SubscribeOptions,
} from '../message-bus.port';
import {
  DEFAULT_RETRY_BACKOFF,
  RetryBackoff,
  assertPublishable,
  deadLetterOf,
  dependenciesDown,
  describeError,
  encodeValue,
  pause,
  resolveMaxAttempts,
  resolveMaxBatchSize,
  retryDelayMs,
} from '../delivery-policy';

export type KafkaLogLevel = 'nothing' | 'error' | 'warn' | 'info' | 'debug';

export interface KafkaMessageBusOptions {
  brokers: readonly string[];
  clientId: string;
  /** Partitions of topics this bus creates. Default 3. */
  partitions?: number;
  /**
   * `retention.ms` of topics this bus creates. Default -1, keep forever: a read model is
   * rebuilt by reading its topics from the start (`resetGroup`), which needs them whole.
   */
  retentionMs?: number;
  /** Replication of topics this bus creates. Default: the broker's `default.replication.factor`. */
  replicationFactor?: number;
  /**
   * Partitions handled at once by one subscription; each still has at most one message
   * in flight. Default 3.
   */
  partitionsConsumedConcurrently?: number;
  /**
   * Group membership timings. The defaults suit a single-node cluster and keep
   * rebalances short: 6 s is the broker's default `group.min.session.timeout.ms`.
   */
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  rebalanceTimeoutMs?: number;
  /**
   * Longest a fetch waits on the broker for new data. A consumer only notices a
   * rebalance or a close between fetches, so this bounds both. Default 250 ms.
   */
  maxWaitTimeMs?: number;
  /** How long `subscribe` waits for the consumer to join its group. Default 30 s. */
  joinTimeoutMs?: number;
  /** Pause between attempts of a failing handler. Default 100 ms doubling to 2 s. */
  retryBackoff?: RetryBackoff;
  /** How long `ensureTopics` waits for a new topic's partitions to have leaders. Default 30 s. */
  topicReadyTimeoutMs?: number;
  /** How long `ping` waits for a broker's answer. Default 2 s. */
  pingTimeoutMs?: number;
  /** kafkajs log threshold. Default 'warn'. */
  logLevel?: KafkaLogLevel;
  /** Where kafkajs log entries go. Default: one JSON line each on stderr. */
  log?: (entry: Record<string, unknown>) => void;
}

/**
 * The message bus on Kafka (kafkajs).
 *
 * Publishing uses one idempotent producer (acks=all, one request in flight), so kafkajs'
 * own retries of a send never duplicate or reorder within a partition; `publish` resolves
 * once every message is acknowledged by all in-sync replicas. A send that fails for good
 * retires the producer (see `dropProducer`): the caller's retry goes out on a new one.
 * Values travel as JSON, headers as UTF-8 strings, the key picks the partition
 * (Java-compatible murmur2).
 *
 * Each subscription is one kafkajs consumer in its group. A message's offset is
 * committed only after its handler succeeded. A failing handler is retried in place
 * with backoff while the rest of its partition waits; after `maxAttempts` the message
 * goes to `<topic>.dead-letter` and the partition moves on. A `batchHandler` subscriber
 * gets a fetched batch in chunks of at most `maxBatchSize`, each committed as a whole
 * once its call resolved. Topics are created on first
 * use with `partitions` partitions, like the in-process bus; production may still
 * provision them ahead with `ensureTopics`.
 */
export class KafkaMessageBus implements MessageBus {
  private readonly kafka: Kafka;
  private readonly partitions: number;
  private readonly knownTopics = new Set<string>();
  private readonly subscriptions = new Set<KafkaSubscription>();
  private producer: Promise<Producer> | undefined;
  private admin: Promise<Admin> | undefined;
  /**
   * Sends go out one call at a time: with idempotence kafkajs numbers batches per
   * partition as it builds them, and concurrent calls retried out of order would break
   * that sequence. It also makes publish order across calls the order of the calls.
   */
  private sending: Promise<unknown> = Promise.resolve();
  private closing: Promise<void> | undefined;
  private readonly pingClient: Kafka;
  private pingAdmin: Admin | undefined;
  private pinging: Promise<void> | undefined;

  constructor(private readonly options: KafkaMessageBusOptions) {
    if (options.brokers.length === 0) throw new TypeError('KafkaMessageBus needs at least one broker');
    this.partitions = options.partitions ?? 3;
    this.kafka = new (kafkajs().Kafka)({
      clientId: options.clientId,
      brokers: [...options.brokers],
      logLevel: toKafkaLogLevel(options.logLevel ?? 'warn'),
      logCreator: jsonLogCreator(options.log ?? writeJsonLine),
    });
    const pingTimeoutMs = options.pingTimeoutMs ?? 2_000;
    this.pingClient = new (kafkajs().Kafka)({
      clientId: `${options.clientId}-ping`,
      brokers: [...options.brokers],
      connectionTimeout: pingTimeoutMs,
      requestTimeout: pingTimeoutMs,
      retry: { retries: 0 },
      // A failed ping is the answer, not news: the readiness probe reports it.
      logLevel: kafkajs().logLevel.NOTHING,
    });
  }

  async publish(messages: readonly OutgoingMessage[]): Promise<void> {
    this.assertOpen();
    await this.send(messages);
  }

  async subscribe(options: SubscribeOptions): Promise<BusSubscription> {
    this.assertOpen();
    if (options.topics.length === 0) throw new TypeError('subscribe needs at least one topic');
    const topics = [...new Set(options.topics)];
    await this.ensureTopics(topics);
    const subscription = new KafkaSubscription(this, this.createConsumer(options.groupId), options, {
      maxAttempts: resolveMaxAttempts(options.maxAttempts),
      maxBatchSize: resolveMaxBatchSize(options.maxBatchSize),
      backoff: this.options.retryBackoff ?? DEFAULT_RETRY_BACKOFF,
      concurrency: this.options.partitionsConsumedConcurrently ?? 3,
      joinTimeoutMs: this.options.joinTimeoutMs ?? 30_000,
    });
    this.subscriptions.add(subscription);
    try {
      await subscription.start(topics);
    } catch (error) {
      await subscription.close();
      throw error;
    }
    return subscription;
  }

  /**
   * Creates the topics that do not exist yet and returns once every partition of every
   * topic has a leader. Several processes starting at once race here: one creates a
   * topic while another already sees its name, and a consumer or producer that acted on
   * the name alone would meet UNKNOWN_TOPIC_OR_PARTITION until the leaders are elected.
   */
  async ensureTopics(topics: readonly string[]): Promise<void> {
    const wanted = [...new Set(topics)].filter((topic) => !this.knownTopics.has(topic));
    if (wanted.length === 0) return;
    const admin = await this.connectedAdmin();
    const existing = new Set(await admin.listTopics());
    const missing = wanted.filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      try {
        // Returns false rather than failing when another client created them meanwhile.
        // kafkajs's own `waitForLeaders` is not used: right after a create the broker's
        // metadata can still lag the controller and answer UNKNOWN_TOPIC_OR_PARTITION,
        // which kafkajs does not retry there (CI saw it); `waitForLeaders` below does.
        await admin.createTopics({
          waitForLeaders: false,
          topics: missing.map((topic) => ({
            topic,
            numPartitions: this.partitions,
            replicationFactor: this.options.replicationFactor ?? -1,
            configEntries: [{ name: 'retention.ms', value: String(this.options.retentionMs ?? -1) }],
          })),
        });
      } catch (error) {
        if (!isTopicNotReady(error)) throw error;
      }
    }
    await waitForLeaders(admin, wanted, this.options.topicReadyTimeoutMs ?? 30_000);
    for (const topic of wanted) this.knownTopics.add(topic);
  }

  /**
   * Deletes the group, and with it its committed offsets. The broker refuses while the
   * group has members; a group it does not know has nothing to forget.
   */
  async resetGroup(groupId: string): Promise<void> {
    this.assertOpen();
    const admin = await this.connectedAdmin();
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.deleteGroups([groupId]);
        return;
      } catch (error) {
        const groups = (error as { groups?: Array<{ error?: { type?: string } }> }).groups ?? [];
        const types = groups.map((group) => group.error?.type);
        if (types.length > 0 && types.every((type) => type === 'GROUP_ID_NOT_FOUND')) return;
        if (types.includes('NON_EMPTY_GROUP')) throw new GroupHasMembersError(groupId);
        // The coordinator moving or still loading the group's offsets: kafkajs does not retry these here.
        const coordinatorBusy = types.length > 0 && types.every((type) => type !== undefined && COORDINATOR_BUSY.has(type));
        if (!coordinatorBusy || attempt >= 10) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.min(100 * attempt, 1_000)));
      }
    }
  }

  /**
   * Asks a broker to describe the cluster on a connection of its own that does not retry,
   * so a broker that is gone fails the ping within `pingTimeoutMs` instead of after
   * kafkajs's retries; the next ping connects afresh.
   */
  async ping(): Promise<void> {
    this.assertOpen();
    this.pinging ??= (async () => {
      const admin = (this.pingAdmin ??= this.pingClient.admin());
      try {
        await withTimeout(admin.connect().then(() => admin.describeCluster()), this.options.pingTimeoutMs ?? 2_000, 'Kafka did not answer');
      } catch (error) {
        this.pingAdmin = undefined;
        await admin.disconnect().catch(() => undefined);
        throw error;
      }
    })().finally(() => (this.pinging = undefined));
    return this.pinging;
  }

  /** High watermark minus the group's committed offset (the low watermark where it committed none), per partition. */
  async lag(groupId: string, topics: readonly string[]): Promise<number> {
    this.assertOpen();
    const admin = await this.connectedAdmin();
    const wanted = [...new Set(topics)];
    const committed = await admin.fetchOffsets({ groupId, topics: wanted });
    let behind = 0;
    for (const topic of wanted) {
      const ends = await admin.fetchTopicOffsets(topic);
      const offsets = committed.find((entry) => entry.topic === topic)?.partitions ?? [];
      for (const end of ends) {
        const at = Number(offsets.find((entry) => entry.partition === end.partition)?.offset ?? -1);
        behind += Number(end.high) - (at >= 0 ? at : Number(end.low));
      }
    }
    return behind;
  }

  /** Closes every subscription (each finishing its in-flight handler), then the producer. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
      await this.sending;
      const [producer, admin] = await Promise.allSettled([this.producer, this.admin]);
      await Promise.allSettled([
        producer.status === 'fulfilled' ? producer.value?.disconnect() : undefined,
        admin.status === 'fulfilled' ? admin.value?.disconnect() : undefined,
        this.pinging,
        this.pingAdmin?.disconnect(),
      ]);
    })();
    return this.closing;
  }

  /**
   * @internal Also used for dead letters, which must still go out while the bus closes
   * (a subscription finishing its last message).
   */
  async send(messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const byTopic = new Map<string, Message[]>();
    for (const message of messages) {
      assertPublishable(message);
      const encoded: Message = { key: message.key, value: encodeValue(message), headers: { ...message.headers } };
      const batch = byTopic.get(message.topic);
      if (batch) batch.push(encoded);
      else byTopic.set(message.topic, [encoded]);
    }
    const topicMessages = [...byTopic].map(([topic, batch]) => ({ topic, messages: batch }));
    // Topic creation and connection happen inside the queue too, or a later call whose
    // topic is already known could overtake an earlier one still creating its topic.
    const send = this.sending.then(async () => {
      await this.ensureTopics([...byTopic.keys()]);
      const connecting = this.connectedProducer();
      const producer = await connecting;
      try {
        await producer.sendBatch({ topicMessages, acks: -1 });
      } catch (error) {
        this.dropProducer(connecting, producer);
        throw error;
      }
    });
    this.sending = send.catch(() => undefined);
    await send;
  }

  /** @internal */
  forget(subscription: KafkaSubscription): void {
    this.subscriptions.delete(subscription);
  }

  private assertOpen(): void {
    if (this.closing) throw new Error('message bus is closed');
  }

  private createConsumer(groupId: string): Consumer {
    return this.kafka.consumer({
      groupId,
      sessionTimeout: this.options.sessionTimeoutMs ?? 6_000,
      heartbeatInterval: this.options.heartbeatIntervalMs ?? 500,
      rebalanceTimeout: this.options.rebalanceTimeoutMs ?? 10_000,
      maxWaitTimeInMs: this.options.maxWaitTimeMs ?? 250,
      allowAutoTopicCreation: false,
    });
  }

  private connectedProducer(): Promise<Producer> {
    this.producer ??= connectOnce(
      this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        // Named explicitly: it is kafkajs 2's default, and naming it silences its warning.
        createPartitioner: kafkajs().Partitioners.DefaultPartitioner,
      }),
      () => {
        this.producer = undefined;
      },
    );
    return this.producer;
  }

  /**
   * After a failed send the next one starts a new producer. An idempotent producer numbers
   * its batches per partition; a broker killed and restarted (SIGKILL) can come back without
   * the state that numbering relies on, and every later send of that producer then fails
   * ("out of order sequence number"): the broker-outage fault test saw one relay stuck so
   * for good while the others recovered (docs/fault-tolerance.md, "A second bug"). A new producer
   * gets a new producer id and starts its numbering afresh. What the failed send may
   * already have written is sent again by the caller's retry: at least once, as after any
   * failed publish, and consumers drop the duplicate.
   */
  private dropProducer(connecting: Promise<Producer>, producer: Producer): void {
    if (this.producer === connecting) this.producer = undefined;
    void producer.disconnect().catch(() => undefined);
  }

  private connectedAdmin(): Promise<Admin> {
    this.admin ??= connectOnce(this.kafka.admin(), () => {
      this.admin = undefined;
    });
    return this.admin;
  }
}

/** A bus on the given brokers. Nothing connects until the first call that needs it. */
export function createKafkaMessageBus(options: KafkaMessageBusOptions): MessageBus {
  return new KafkaMessageBus(options);
}

interface SubscriptionSettings {
  maxAttempts: number;
  maxBatchSize: number;
  backoff: RetryBackoff;
  concurrency: number;
  joinTimeoutMs: number;
}

interface Failure {
  count: number;
  error: unknown;
}

class KafkaSubscription implements BusSubscription {
  /** Aborted by close: no new attempt starts, a backoff in progress ends at once. */
  private readonly stopping = new AbortController();
  /**
   * Failures by message, so that a message redelivered after a rebalance keeps its
   * attempt count while it stays with this consumer.
   */
  private readonly failures = new Map<string, Failure>();
  private closed: Promise<void> | undefined;

  constructor(
    private readonly bus: KafkaMessageBus,
    private readonly consumer: Consumer,
    private readonly options: SubscribeOptions,
    private readonly settings: SubscriptionSettings,
  ) {}

  /**
   * Resolves once the consumer has joined its group with an assignment, so a caller can
   * publish right after and be sure it is heard. For a group that starts at the end of
   * the log it also waits for the first fetch: kafkajs looks up "the end" only then,
   * and a message published before that lookup would be skipped.
   */
  async start(topics: string[]): Promise<void> {
    const needFetch = this.options.fromBeginning === false;
    const ready = new Promise<void>((resolve, reject) => {
      let joined = false;
      const timer = setTimeout(
        () => reject(new Error(`consumer of group ${this.options.groupId} did not join within ${this.settings.joinTimeoutMs} ms`)),
        this.settings.joinTimeoutMs,
      );
      const settle = (error?: unknown): void => {
        clearTimeout(timer);
        removers.forEach((remove) => remove());
        if (error) reject(error);
        else resolve();
      };
      const removers = [
        this.consumer.on(this.consumer.events.GROUP_JOIN, () => {
          joined = true;
          if (!needFetch) settle();
        }),
        this.consumer.on(this.consumer.events.FETCH, () => {
          if (joined) settle();
        }),
        this.consumer.on(this.consumer.events.CRASH, (event) => {
          if (!event.payload.restart) settle(event.payload.error);
        }),
      ];
    });
    ready.catch(() => undefined);

    await this.consumer.connect();
    await this.consumer.subscribe({ topics, fromBeginning: this.options.fromBeginning !== false });
    await this.consumer.run({
      // Only resolved offsets are committed, and an offset is resolved only after its handler succeeded.
      autoCommit: true,
      autoCommitInterval: 1_000,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.settings.concurrency,
      eachBatch: (payload) => this.consumeBatch(payload),
    });
    await ready;
  }

  /** Stops fetching, lets the handler in flight finish, commits, leaves the group. */
  close(): Promise<void> {
    this.closed ??= (async () => {
      this.stopping.abort();
      try {
        await this.consumer.disconnect();
      } finally {
        this.bus.forget(this);
      }
    })();
    return this.closed;
  }

  /**
   * A fetched batch: one message at a time through `handler`, or, for a `batchHandler`
   * subscriber, in chunks of at most `maxBatchSize`, each chunk's last offset resolved
   * (committable) only once the chunk was handled.
   */
  private async consumeBatch(payload: EachBatchPayload): Promise<void> {
    const batchHandler = this.options.batchHandler;
    if (!batchHandler) {
      await this.consumeOneByOne(payload, payload.batch.messages);
      return;
    }
    const { messages } = payload.batch;
    for (let start = 0; start < messages.length; start += this.settings.maxBatchSize) {
      if (this.stopping.signal.aborted || !payload.isRunning() || payload.isStale()) return;
      const chunk = messages.slice(start, start + this.settings.maxBatchSize);
      const outcome = await this.handleChunk(chunk, payload, batchHandler);
      if (outcome === 'stopped') return;
      if (outcome === 'one-by-one') {
        if (!(await this.consumeOneByOne(payload, chunk))) return;
      } else {
        payload.resolveOffset(chunk[chunk.length - 1].offset);
      }
      await payload.commitOffsetsIfNecessary();
      await payload.heartbeat();
    }
  }

  /**
   * Up to `maxBatchSize` messages of one fetched batch, through `batchHandler` as one
   * call, retried as a whole with the usual backoff. Nothing is resolved here: the caller
   * resolves the chunk's last offset once this says 'handled'. 'one-by-one' after
   * `maxAttempts` failures (or a value that is not JSON): the per-message path then
   * isolates the bad message. 'stopped' when closing: the chunk is fetched again.
   */
  private async handleChunk(
    chunk: KafkaMessage[],
    payload: EachBatchPayload,
    batchHandler: NonNullable<SubscribeOptions['batchHandler']>,
  ): Promise<'handled' | 'one-by-one' | 'stopped'> {
    const { topic, partition } = payload.batch;
    let decoded: IncomingMessage[];
    try {
      decoded = chunk.map((raw) => decode(topic, partition, raw, 1));
    } catch {
      return 'one-by-one';
    }
    for (let failed = 0; ; ) {
      if (this.stopping.signal.aborted) return 'stopped';
      try {
        await batchHandler(decoded.map((message) => ({ ...message, headers: { ...message.headers }, attempt: failed + 1 })));
        return 'handled';
      } catch {
        if (await dependenciesDown(this.options.dependenciesDown)) {
          // An outage, not a poison message: wait it out without spending an attempt.
          await pause(this.settings.backoff.maxMs, this.stopping.signal);
          await payload.heartbeat();
          continue;
        }
        failed += 1;
        if (failed >= this.settings.maxAttempts) return 'one-by-one';
        await this.backOff(failed, payload);
      }
    }
  }

  /**
   * The per-message path over `messages`; false if it stopped before the last (closing,
   * rebalance). The hot path. Per message it costs what raw kafkajs `eachBatch` costs: decode, one
   * awaited handler call. The guarantees stay those of the port:
   * - the offset of a message is resolved (made committable) only after its handler
   *   resolved, but lazily: the last handled offset is resolved before anything that can
   *   commit runs (the periodic commit and heartbeat below, a retry, any return or throw),
   *   and never past an unhandled message, since messages are handled strictly in order;
   * - commits and heartbeats are asked for once per `HOUSEKEEPING_MS` rather than per
   *   message (kafkajs would skip most of them anyway, but each call costs several
   *   promises), so a rebalance is still noticed within a heartbeat interval plus that;
   *   whether the batch went stale (a seek) is asked at the same moments;
   * - a message that fails leaves the fast path for `retry`, which keeps the old rules
   *   (backoff, heartbeats, attempt counts, dead letter); later messages wait for it.
   */
  private async consumeOneByOne(payload: EachBatchPayload, messages: KafkaMessage[]): Promise<boolean> {
    const { batch } = payload;
    const { topic, partition } = batch;
    const handler = this.options.handler;
    let handled: string | undefined;
    let housekeepingAt = Date.now() + HOUSEKEEPING_MS;
    const resolveHandled = (): void => {
      if (handled === undefined) return;
      payload.resolveOffset(handled);
      handled = undefined;
    };
    // Stale means a seek was asked for this partition: only `consumer.seek` asks, which this
    // bus never calls, so it is checked with the housekeeping rather than per message
    // (kafkajs builds a JSON key for every check).
    if (payload.isStale()) return false;
    try {
      for (const raw of messages) {
        if (this.stopping.signal.aborted || !payload.isRunning()) return false;
        let message: IncomingMessage;
        try {
          message = decode(topic, partition, raw, 1);
        } catch (error) {
          // A value that is not JSON fails the same way on every attempt: no point retrying it.
          resolveHandled();
          await this.deadLetter({ ...undecodable(topic, partition, raw), attempt: 1 }, error);
          handled = raw.offset;
          continue;
        }
        // A message that failed here before (redelivered after a rebalance) keeps its count.
        const failedBefore = this.failures.size > 0 && this.failures.has(failureKey(topic, partition, raw.offset));
        let done = false;
        if (!failedBefore) {
          try {
            await handler(message);
            done = true;
          } catch (error) {
            // During an outage of the handler's dependencies a failure spends no attempt.
            const count = (await dependenciesDown(this.options.dependenciesDown)) ? 0 : 1;
            this.failures.set(failureKey(topic, partition, raw.offset), { count, error });
          }
        }
        if (!done) {
          resolveHandled();
          // Not done: the offset stays unresolved, so the next fetch starts at this message again.
          if (!(await this.retry(topic, partition, raw, payload, !failedBefore))) return false;
          housekeepingAt = 0;
        }
        handled = raw.offset;
        if (Date.now() >= housekeepingAt) {
          resolveHandled();
          await payload.commitOffsetsIfNecessary();
          await payload.heartbeat();
          if (payload.isStale()) return false;
          housekeepingAt = Date.now() + HOUSEKEEPING_MS;
        }
      }
      return true;
    } finally {
      resolveHandled();
    }
  }

  /**
   * A message whose handler failed at least once on this consumer: retried in place with
   * backoff until it succeeds or reaches `maxAttempts` (then dead-lettered). True once it
   * is handled or dead-lettered; false if it must be delivered again (closing, rebalance).
   */
  private async retry(
    topic: string,
    partition: number,
    raw: KafkaMessage,
    payload: EachBatchPayload,
    justFailed: boolean,
  ): Promise<boolean> {
    const id = failureKey(topic, partition, raw.offset);
    const decoded = decode(topic, partition, raw, 0);
    if (justFailed) await this.backOff(1, payload);
    for (;;) {
      const failure = this.failures.get(id);
      const failed = failure?.count ?? 0;
      // Reached again after its dead letter could not be sent: send it, do not rerun the handler.
      if (failure && failed >= this.settings.maxAttempts) {
        await this.deadLetter({ ...decoded, attempt: failed }, failure.error);
        this.failures.delete(id);
        return true;
      }
      if (this.stopping.signal.aborted) return false;
      const message: IncomingMessage = { ...decoded, headers: { ...decoded.headers }, attempt: failed + 1 };
      try {
        await this.options.handler(message);
        this.failures.delete(id);
        return true;
      } catch (error) {
        if (await dependenciesDown(this.options.dependenciesDown)) {
          // An outage, not a poison message: wait it out without spending an attempt.
          await pause(this.settings.backoff.maxMs, this.stopping.signal);
          await payload.heartbeat();
          continue;
        }
        this.failures.set(id, { count: failed + 1, error });
      }
      await this.backOff(failed + 1, payload);
    }
  }

  /** The pause after a failed attempt; none after the last, which goes to the dead letter at once. */
  private async backOff(failed: number, payload: EachBatchPayload): Promise<void> {
    if (failed >= this.settings.maxAttempts) return;
    await pause(retryDelayMs(failed, this.settings.backoff), this.stopping.signal);
    // Throws when the group rebalances: the message stays unresolved and is fetched again.
    await payload.heartbeat();
  }

  private async deadLetter(message: IncomingMessage, error: unknown): Promise<void> {
    await this.bus.send([deadLetterOf(message, error)]);
  }
}

/**
 * How often a busy partition asks kafkajs to commit (every `autoCommitInterval`) and to
 * heartbeat (every `heartbeatIntervalMs`): kafkajs decides whether either is due.
 */
const HOUSEKEEPING_MS = 50;

function failureKey(topic: string, partition: number, offset: string): string {
  return `${topic}|${partition}|${offset}`;
}

function decode(topic: string, partition: number, raw: KafkaMessage, attempt: number): IncomingMessage {
  const text = raw.value?.toString('utf8');
  return {
    topic,
    partition,
    offset: raw.offset,
    key: raw.key?.toString('utf8') ?? '',
    value: text === undefined ? null : (JSON.parse(text) as unknown),
    headers: decodeHeaders(raw.headers),
    attempt,
  };
}

/** The raw text travels on as a JSON string, so the dead letter still shows what came in. */
function undecodable(topic: string, partition: number, raw: KafkaMessage): Omit<IncomingMessage, 'attempt'> {
  return {
    topic,
    partition,
    offset: raw.offset,
    key: raw.key?.toString('utf8') ?? '',
    value: raw.value?.toString('utf8') ?? null,
    headers: decodeHeaders(raw.headers),
  };
}

/**
 * Kafka allows repeated and binary headers; this bus writes each once as UTF-8, so a
 * repeated header (from another producer) keeps its last value.
 */
function decodeHeaders(headers: IHeaders | undefined): MessageHeaders {
  const decoded: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined) continue;
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (last !== undefined) decoded[name] = last.toString();
  }
  return decoded as MessageHeaders;
}

/** Group coordinator answers that mean "ask again shortly". */
const COORDINATOR_BUSY = new Set(['GROUP_LOAD_IN_PROGRESS', 'GROUP_COORDINATOR_NOT_AVAILABLE', 'NOT_COORDINATOR_FOR_GROUP']);

/** Errors a new topic shows until the broker answering has caught up with its creation and leaders. */
const TOPIC_NOT_READY = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE']);

function isTopicNotReady(error: unknown): boolean {
  const type = errorType(error);
  return type !== undefined && TOPIC_NOT_READY.has(type);
}

/**
 * kafkajs retries some errors itself first, then wraps the last one as the `cause` of
 * KafkaJSNumberOfRetriesExceeded.
 */
function errorType(error: unknown): string | undefined {
  const failure = error as { type?: string; cause?: { type?: string } } | undefined;
  return failure?.type ?? failure?.cause?.type;
}

async function waitForLeaders(admin: Admin, topics: readonly string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 1; ; attempt++) {
    let lastProblem: string;
    try {
      const metadata = await admin.fetchTopicMetadata({ topics: [...topics] });
      const leaderless = metadata.topics.filter(
        (topic) => topic.partitions.length === 0 || topic.partitions.some((partition) => partition.leader < 0),
      );
      if (leaderless.length === 0) return;
      lastProblem = `no leader yet for ${leaderless.map((topic) => topic.name).join(', ')}`;
    } catch (error) {
      if (!isTopicNotReady(error)) throw error;
      lastProblem = errorType(error) ?? 'not ready';
    }
    if (Date.now() > deadline) throw new Error(`topics ${topics.join(', ')} not ready within ${timeoutMs} ms: ${lastProblem}`);
    await new Promise((resolve) => setTimeout(resolve, Math.min(50 * attempt, 500)));
  }
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** One connection attempt shared by concurrent callers; a failed one is forgotten so the next call retries. */
function connectOnce<T extends { connect(): Promise<void> }>(client: T, onFailure: () => void): Promise<T> {
  return client.connect().then(
    () => client,
    (error: unknown) => {
      onFailure();
      throw error;
    },
  );
}

function toKafkaLogLevel(level: KafkaLogLevel): logLevel {
  switch (level) {
    case 'nothing':
      return kafkajs().logLevel.NOTHING;
    case 'error':
      return kafkajs().logLevel.ERROR;
    case 'warn':
      return kafkajs().logLevel.WARN;
    case 'info':
      return kafkajs().logLevel.INFO;
    case 'debug':
      return kafkajs().logLevel.DEBUG;
  }
}

/**
 * kafkajs logs every error response at ERROR, and each rebalance at WARN, including those
 * it handles itself as part of normal group and leadership changes. Those are demoted to
 * INFO so that a WARN or ERROR line still means something went wrong.
 */
const ROUTINE_RESPONSE_ERRORS = new Set([
  'The group is rebalancing, so a rejoin is needed', // REBALANCE_IN_PROGRESS
  "The coordinator is loading and hence can't process requests for this group", // GROUP_LOAD_IN_PROGRESS
  'The group coordinator is not available', // GROUP_COORDINATOR_NOT_AVAILABLE
  'This is not the correct coordinator for this group', // NOT_COORDINATOR_FOR_GROUP
  'There is no leader for this topic-partition as we are in the middle of a leadership election', // LEADER_NOT_AVAILABLE
]);

/** kafkajs entries become the project's structured log lines instead of its own console format. */
function jsonLogCreator(sink: (entry: Record<string, unknown>) => void) {
  return (threshold: logLevel) =>
    ({ namespace, label, log }: LogEntry): void => {
      const { message, timestamp, ...rest } = log;
      const routine =
        (namespace === 'Connection' && ROUTINE_RESPONSE_ERRORS.has(String(rest.error))) ||
        (namespace === 'Runner' && message === 'The group is rebalancing, re-joining');
      if (routine && threshold < kafkajs().logLevel.INFO) return;
      const shown = routine ? 'info' : label.toLowerCase();
      sink({ time: timestamp, level: shown, source: `kafkajs:${namespace}`, message, ...rest });
    };
}

function writeJsonLine(entry: Record<string, unknown>): void {
  process.stderr.write(`${JSON.stringify(entry, (_key, value: unknown) => (value instanceof Error ? describeError(value) : value))}\n`);
}

const requireHere = createRequire(__filename);
let kafkajsLoaded: typeof KafkaJs | undefined;

/**
 * kafkajs is loaded when a Kafka bus is made, not with the library: the all-in-one, on the
 * in-process bus, does not carry it (docs/benchmarks.md, the all-in-one's idle memory).
 */
function kafkajs(): typeof KafkaJs {
  return (kafkajsLoaded ??= requireHere('kafkajs') as typeof KafkaJs);
}
