import {
  BusSubscription,
  IncomingMessage,
  MessageBus,
  MessageHeaders,
  GroupHasMembersError,
  OutgoingMessage,
  SubscribeOptions,
  deadLetterTopic,
} from '../message-bus.port';
import {
  DEFAULT_RETRY_BACKOFF,
  RetryBackoff,
  assertPublishable,
  deadLetterOf,
  dependenciesDown,
  encodeValue,
  pause,
  resolveMaxAttempts,
  resolveMaxBatchSize,
  retryDelayMs,
} from '../delivery-policy';

export interface InProcessMessageBusOptions {
  /** Partitions of every topic, created by `ensureTopics` or on first use. Default 3. */
  partitions?: number;
  /** Pause between attempts of a failing handler. Default 100 ms doubling to 2 s. */
  retryBackoff?: RetryBackoff;
  /**
   * Messages kept per partition once every consumer group has committed them: what a
   * group subscribing later (`fromBeginning`) or a reset group (`resetGroup`) reads from
   * the start. Older ones are dropped, like Kafka's retention. Default 1000; 0 keeps only
   * what some group has not committed yet.
   */
  retainConsumed?: number;
  /**
   * Resolves when the next delivery may start: the process's foreground work first (the
   * all-in-one passes its `ForegroundWork`). Default: at once.
   */
  waitForTurn?: () => Promise<void>;
}

/** Per partition: enough for a group joining moments after the first messages (a relay's first rounds at start). */
export const DEFAULT_RETAIN_CONSUMED = 1000;

/**
 * The message bus inside one process, with Kafka's semantics so that code tested here
 * behaves the same on Kafka: topics split into partitions by key, consumer groups whose
 * members share partitions, offsets committed only after the handler succeeded, one
 * message in flight per partition and group, in-place retry, dead-letter after
 * `maxAttempts`. A `batchHandler` subscriber gets what is queued for the partition (up to
 * `maxBatchSize`) in one call, committed as a whole. A message stays in memory until every group that reads its partition
 * has committed it, and then among the last `retainConsumed` of its partition; a group
 * subscribing later (`fromBeginning`) or a reset group starts at the earliest message
 * still kept, as a Kafka group does under retention. Memory is thus bounded by what the
 * groups have not handled yet, not by the traffic the bus ever carried.
 */
export class InProcessMessageBus implements MessageBus {
  private readonly topics = new Map<string, TopicLog>();
  private readonly groups = new Map<string, ConsumerGroup>();
  private readonly partitionCount: number;
  private readonly backoff: RetryBackoff;
  private readonly retainConsumed: number;
  private readonly waitForTurn: (() => Promise<void>) | undefined;
  /** Wakes every retry backoff when the bus closes. */
  private readonly shutdown = new AbortController();
  private closed = false;

  constructor(options: InProcessMessageBusOptions = {}) {
    this.partitionCount = options.partitions ?? 3;
    if (!Number.isInteger(this.partitionCount) || this.partitionCount < 1) {
      throw new RangeError(`partitions must be an integer >= 1, got ${String(options.partitions)}`);
    }
    this.backoff = options.retryBackoff ?? DEFAULT_RETRY_BACKOFF;
    this.retainConsumed = options.retainConsumed ?? DEFAULT_RETAIN_CONSUMED;
    this.waitForTurn = options.waitForTurn;
    if (!Number.isInteger(this.retainConsumed) || this.retainConsumed < 0) {
      throw new RangeError(`retainConsumed must be an integer >= 0, got ${String(options.retainConsumed)}`);
    }
  }

  async publish(messages: readonly OutgoingMessage[]): Promise<void> {
    this.assertOpen();
    // Encode all first: a message that cannot be encoded fails the call before any is stored.
    const records = messages.map((message) => {
      assertPublishable(message);
      return { topic: message.topic, record: toRecord(message) };
    });
    for (const { topic, record } of records) this.append(topic, record);
  }

  async subscribe(options: SubscribeOptions): Promise<BusSubscription> {
    this.assertOpen();
    if (options.topics.length === 0) throw new TypeError('subscribe needs at least one topic');
    const member = new GroupMember(
      [...new Set(options.topics)],
      options.handler,
      resolveMaxAttempts(options.maxAttempts),
      options.dependenciesDown,
      options.batchHandler,
      resolveMaxBatchSize(options.maxBatchSize),
    );
    const group = this.groupNamed(options.groupId);
    for (const topic of member.topics) {
      const log = this.topicNamed(topic);
      log.partitions.forEach((records, partition) => {
        const id = cursorId(topic, partition);
        // Like a Kafka group without a committed offset: the subscriber's reset policy decides.
        if (!group.cursors.has(id)) {
          group.cursors.set(id, new PartitionCursor(log, partition, options.fromBeginning === false ? records.end : records.start));
        }
      });
    }
    group.members.push(member);
    this.rebalance(group);
    return { close: () => this.leave(group, member) };
  }

  async ensureTopics(topics: readonly string[]): Promise<void> {
    this.assertOpen();
    for (const topic of topics) this.topicNamed(topic);
  }

  async resetGroup(groupId: string): Promise<void> {
    this.assertOpen();
    const group = this.groups.get(groupId);
    if (!group) return;
    if (group.members.length > 0) throw new GroupHasMembersError(groupId);
    this.groups.delete(groupId);
  }

  async ping(): Promise<void> {
    this.assertOpen();
  }

  async lag(groupId: string, topics: readonly string[]): Promise<number> {
    this.assertOpen();
    const group = this.groups.get(groupId);
    let behind = 0;
    for (const topic of new Set(topics)) {
      this.topics.get(topic)?.partitions.forEach((records, partition) => {
        behind += records.end - (group?.cursors.get(cursorId(topic, partition))?.next ?? records.start);
      });
    }
    return behind;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.shutdown.abort();
    const leaving: Promise<void>[] = [];
    for (const group of this.groups.values()) {
      for (const member of [...group.members]) leaving.push(this.leave(group, member));
    }
    await Promise.all(leaving);
  }

  /** Messages held in memory, over every topic and partition: what the retention rule keeps. */
  retainedMessages(): number {
    let held = 0;
    for (const log of this.topics.values()) for (const partition of log.partitions) held += partition.end - partition.start;
    return held;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('message bus is closed');
  }

  private topicNamed(name: string): TopicLog {
    let log = this.topics.get(name);
    if (!log) {
      log = { name, partitions: Array.from({ length: this.partitionCount }, () => new PartitionLog()) };
      this.topics.set(name, log);
    }
    return log;
  }

  private groupNamed(id: string): ConsumerGroup {
    let group = this.groups.get(id);
    if (!group) {
      group = { members: [], cursors: new Map() };
      this.groups.set(id, group);
    }
    return group;
  }

  private append(topic: string, record: StoredRecord): void {
    const log = this.topicNamed(topic);
    const partition = partitionForKey(record.key, log.partitions.length);
    log.partitions[partition].append(record);
    const id = cursorId(topic, partition);
    let read = false;
    for (const group of this.groups.values()) {
      const cursor = group.cursors.get(id);
      if (cursor) {
        read = true;
        this.schedule(cursor);
      }
    }
    // A partition no group reads has no commit to trim it: retention applies on arrival.
    if (!read) this.trim(log, partition);
  }

  /**
   * Drops what every group reading the partition has committed, except the last
   * `retainConsumed`. A group that stopped (no members) still holds its offset, so what it
   * has not handled is kept for when it comes back; `resetGroup` releases it.
   */
  private trim(log: TopicLog, partition: number): void {
    const records = log.partitions[partition];
    const id = cursorId(log.name, partition);
    let slowest = records.end;
    for (const group of this.groups.values()) {
      const cursor = group.cursors.get(id);
      if (cursor && cursor.next < slowest) slowest = cursor.next;
    }
    records.dropBefore(slowest - this.retainConsumed);
  }

  /**
   * Each topic's partitions are dealt round-robin to the members subscribed to it, in
   * join order. A partition keeps one delivery loop per group whoever owns it, so a
   * partition changing hands never has two messages in flight.
   */
  private rebalance(group: ConsumerGroup): void {
    const byTopic = new Map<string, GroupMember[]>();
    for (const member of group.members) {
      for (const topic of member.topics) byTopic.set(topic, [...(byTopic.get(topic) ?? []), member]);
    }
    for (const cursor of group.cursors.values()) {
      const candidates = byTopic.get(cursor.log.name) ?? [];
      const owner = candidates.length > 0 ? candidates[cursor.partition % candidates.length] : undefined;
      // A Kafka consumer taking over a partition cannot know earlier failures; neither does this one.
      if (owner !== cursor.owner) cursor.forgetFailures();
      cursor.owner = owner;
      this.schedule(cursor);
    }
  }

  private async leave(group: ConsumerGroup, member: GroupMember): Promise<void> {
    if (!member.closed) {
      member.closed = true;
      const index = group.members.indexOf(member);
      if (index >= 0) group.members.splice(index, 1);
      this.rebalance(group);
    }
    await member.idle();
  }

  /** Deliveries start on a later turn so that `publish` never runs a handler inside its own call. */
  private schedule(cursor: PartitionCursor): void {
    if (cursor.scheduled || cursor.pumping) return;
    cursor.scheduled = true;
    setImmediate(() => {
      cursor.scheduled = false;
      void this.pump(cursor);
    });
  }

  private async pump(cursor: PartitionCursor): Promise<void> {
    if (cursor.pumping) return;
    cursor.pumping = true;
    try {
      for (;;) {
        // A turn of the event loop before each delivery: handlers whose store answers through
        // promises only (PGlite) would otherwise chain from one message to the next and keep
        // every HTTP request of the process waiting until the whole backlog is handled.
        await new Promise((resolve) => setImmediate(resolve));
        if (this.waitForTurn) await this.waitForTurn();
        const member = cursor.owner;
        const record = cursor.log.partitions[cursor.partition].at(cursor.next);
        if (this.closed || !member || member.closed || !record) return;
        if (member.batchHandler && cursor.next >= cursor.singleUntil) {
          await this.deliverBatch(cursor, member, member.batchHandler);
          continue;
        }
        const message = toIncoming(cursor, record, cursor.next, cursor.failures + 1);
        const error = await member.deliver(() => member.handler(message));
        if (error === undefined) {
          cursor.commit();
          this.trim(cursor.log, cursor.partition);
          continue;
        }
        if (await dependenciesDown(member.dependenciesDown)) {
          // An outage, not a poison message: wait it out without spending an attempt.
          await pause(this.backoff.maxMs, this.shutdown.signal);
          continue;
        }
        cursor.failures += 1;
        if (cursor.failures >= member.maxAttempts) {
          this.append(deadLetterTopic(cursor.log.name), toRecord(deadLetterOf(message, error)));
          cursor.commit();
          this.trim(cursor.log, cursor.partition);
          continue;
        }
        // The partition waits out the backoff: later messages of the same key must not overtake.
        await pause(retryDelayMs(cursor.failures, this.backoff), this.shutdown.signal);
      }
    } finally {
      cursor.pumping = false;
    }
  }

  /**
   * One attempt at the batch starting at the cursor: what is queued (up to the member's
   * maximum), or, when retrying, exactly the messages of the attempt that failed. After
   * `maxAttempts` failed attempts those messages go one at a time (`singleUntil`), so the
   * per-message rules isolate the bad one.
   */
  private async deliverBatch(cursor: PartitionCursor, member: GroupMember, batchHandler: BatchHandler): Promise<void> {
    const records = cursor.log.partitions[cursor.partition];
    const end = cursor.batchFailures > 0 ? cursor.batchEnd : Math.min(records.end, cursor.next + member.maxBatchSize);
    const messages: IncomingMessage[] = [];
    for (let offset = cursor.next; offset < end; offset += 1) {
      const record = records.at(offset);
      if (record) messages.push(toIncoming(cursor, record, offset, cursor.batchFailures + 1));
    }
    const error = await member.deliver(() => batchHandler(messages));
    if (error === undefined) {
      cursor.commitThrough(end);
      this.trim(cursor.log, cursor.partition);
      return;
    }
    if (await dependenciesDown(member.dependenciesDown)) {
      cursor.batchEnd = end;
      await pause(this.backoff.maxMs, this.shutdown.signal);
      return;
    }
    cursor.batchFailures += 1;
    cursor.batchEnd = end;
    if (cursor.batchFailures >= member.maxAttempts) {
      cursor.singleUntil = end;
      cursor.batchFailures = 0;
      return;
    }
    await pause(retryDelayMs(cursor.batchFailures, this.backoff), this.shutdown.signal);
  }
}

type BatchHandler = NonNullable<SubscribeOptions['batchHandler']>;

/** One process-wide bus per call; share the instance between publishers and subscribers. */
export function createInProcessMessageBus(options?: InProcessMessageBusOptions): MessageBus {
  return new InProcessMessageBus(options);
}

interface StoredRecord {
  readonly key: string;
  /** Stored encoded so that every delivery gets its own copy, as it would from Kafka. */
  readonly json: string;
  readonly headers: Readonly<MessageHeaders>;
}

interface TopicLog {
  readonly name: string;
  readonly partitions: PartitionLog[];
}

/**
 * One partition's messages by absolute offset, of which only `start`..`end` are kept.
 * Offsets never shift when the front is dropped, so committed offsets and the offsets in
 * delivered messages and dead letters stay those of the whole log.
 */
class PartitionLog {
  /** Offset of `records[0]`. */
  private base = 0;
  /** Index in `records` of the earliest kept message; slots before it are released. */
  private head = 0;
  private records: Array<StoredRecord | undefined> = [];

  /** The earliest offset still kept: where a new or reset group starts. */
  get start(): number {
    return this.base + this.head;
  }

  /** The offset the next message will get. */
  get end(): number {
    return this.base + this.records.length;
  }

  at(offset: number): StoredRecord | undefined {
    return offset < this.start ? undefined : this.records[offset - this.base];
  }

  append(record: StoredRecord): void {
    this.records.push(record);
  }

  dropBefore(offset: number): void {
    const until = Math.min(offset, this.end) - this.base;
    if (until <= this.head) return;
    for (let i = this.head; i < until; i += 1) this.records[i] = undefined;
    this.head = until;
    // Copy the kept tail into a fresh array now and then, so the released slots go too (amortised O(1)).
    if (this.head >= 1024 && this.head * 2 >= this.records.length) {
      this.records = this.records.slice(this.head);
      this.base += this.head;
      this.head = 0;
    }
  }
}

interface ConsumerGroup {
  readonly members: GroupMember[];
  readonly cursors: Map<string, PartitionCursor>;
}

class PartitionCursor {
  owner: GroupMember | undefined;
  /** Consecutive failures of the message at `next` with the current owner. */
  failures = 0;
  /** Consecutive failed attempts of the batch starting at `next`, which ends before `batchEnd`. */
  batchFailures = 0;
  batchEnd = 0;
  /** Up to this offset messages go one at a time: a batch that failed `maxAttempts` times. */
  singleUntil = 0;
  scheduled = false;
  pumping = false;

  constructor(
    readonly log: TopicLog,
    readonly partition: number,
    /** The group's committed offset: the next message to deliver. */
    public next: number,
  ) {}

  commit(): void {
    this.commitThrough(this.next + 1);
  }

  /** Commits every message before `end`. */
  commitThrough(end: number): void {
    this.next = end;
    this.failures = 0;
    this.batchFailures = 0;
  }

  forgetFailures(): void {
    this.failures = 0;
    this.batchFailures = 0;
    this.singleUntil = 0;
  }
}

class GroupMember {
  closed = false;
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    readonly topics: readonly string[],
    readonly handler: SubscribeOptions['handler'],
    readonly maxAttempts: number,
    readonly dependenciesDown: SubscribeOptions['dependenciesDown'],
    readonly batchHandler: SubscribeOptions['batchHandler'],
    readonly maxBatchSize: number,
  ) {}

  /** Runs one handler call; resolves to the error it threw, or undefined on success. */
  async deliver(call: () => Promise<void>): Promise<unknown> {
    const run = (async () => call())();
    this.inFlight.add(run);
    try {
      await run;
      return undefined;
    } catch (error) {
      return error ?? new Error('handler failed');
    } finally {
      this.inFlight.delete(run);
    }
  }

  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }
}

function toRecord(message: OutgoingMessage): StoredRecord {
  return { key: message.key, json: encodeValue(message), headers: { ...message.headers } };
}

function toIncoming(cursor: PartitionCursor, record: StoredRecord, offset: number, attempt: number): IncomingMessage {
  return {
    topic: cursor.log.name,
    key: record.key,
    value: JSON.parse(record.json) as unknown,
    headers: { ...record.headers },
    partition: cursor.partition,
    offset: String(offset),
    attempt,
  };
}

function cursorId(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`;
}

/** FNV-1a: stable across runs and processes, which is all a partitioner needs here. */
function partitionForKey(key: string, partitions: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % partitions;
}
