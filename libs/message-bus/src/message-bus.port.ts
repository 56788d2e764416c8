/** Headers every message carries; adapters may add their own. */
export interface MessageHeaders {
  'message-type': string;
  'message-id': string;
  'correlation-id': string;
  'causation-id': string;
  [name: string]: string;
}

export interface OutgoingMessage {
  topic: string;
  /** Partition key: messages with one key are delivered in publish order. */
  key: string;
  /** JSON-serialisable payload. */
  value: unknown;
  headers: MessageHeaders;
}

export interface IncomingMessage extends OutgoingMessage {
  partition: number;
  offset: string;
  /**
   * 1 on first delivery, then 2, 3... when a handler failed before. Counted by the
   * consumer holding the partition: a message that moves to another member (rebalance,
   * restart) starts again at 1.
   */
  attempt: number;
}

export interface SubscribeOptions {
  /** Members of one group share the topics' partitions; every group gets every message. */
  groupId: string;
  topics: readonly string[];
  /**
   * Called for one message at a time per partition. Resolving commits the message;
   * throwing retries it. Delivery is at-least-once: handlers must be idempotent.
   */
  handler: (message: IncomingMessage) => Promise<void>;
  /**
   * A handler that throws is retried (the message is redelivered, later messages of the
   * same key wait). After `maxAttempts` failures the message goes to
   * `<topic>.dead-letter` with the error in header `error` and is skipped. Default 5.
   */
  maxAttempts?: number;
  /**
   * Asked after the handler threw: resolving true says something the handler depends on
   * (its database, its read model store) is down, so the failure is not the message's.
   * Such a failure spends no attempt: the message waits the longest backoff and is tried
   * again, for as long as the outage lasts, instead of going to the dead letter topic
   * (where it would be lost to the read model or the stream it was meant for). A check
   * that throws counts as false. Default: every failure spends an attempt.
   */
  dependenciesDown?: () => Promise<boolean>;
  /** Where a new group starts: earliest (default) or only new messages. */
  fromBeginning?: boolean;
  /**
   * Opt-in batch consumption, for handlers whose cost is per round trip rather than per
   * message (read-model projections). Called with consecutive messages of ONE partition,
   * in offset order (so in publish order per key), at most `maxBatchSize` of them: what
   * the adapter has for the partition at that moment (Kafka: a fetched batch, in-process:
   * what is queued). One batch per partition is in flight at a time.
   *
   * Resolving commits the whole batch; nothing of it is committed before. Throwing retries
   * the whole batch (every message again, `attempt` = the batch's attempt) with the same
   * backoff, and `dependenciesDown` still spends no attempt during an outage. After
   * `maxAttempts` failed batch attempts, the batch's messages go one at a time through
   * `handler`, with its usual rules (attempts counted afresh from 1, dead letter after
   * `maxAttempts`): only a poisonous message ends in the dead-letter topic. Messages of a
   * batch may have been partly applied when it threw, so it must be idempotent too.
   */
  batchHandler?: (messages: IncomingMessage[]) => Promise<void>;
  /** Most messages in one `batchHandler` call. Default `DEFAULT_MAX_BATCH_SIZE` (100). */
  maxBatchSize?: number;
}

export interface BusSubscription {
  /** Stops consuming; in-flight handlers finish, nothing is delivered after. */
  close(): Promise<void>;
}

/** At-least-once, per-key ordered publish/subscribe with consumer groups. */
export interface MessageBus {
  /** Resolves once every message is durably accepted by the bus. */
  publish(messages: readonly OutgoingMessage[]): Promise<void>;
  /**
   * Resolves once the subscriber has joined its group: a message published after that
   * reaches the group, even one that starts with `fromBeginning: false`.
   */
  subscribe(options: SubscribeOptions): Promise<BusSubscription>;
  /** Ensures topics exist (idempotent). */
  ensureTopics(topics: readonly string[]): Promise<void>;
  /**
   * Forgets where a consumer group stands on every topic, so its next subscriber starts
   * where its `fromBeginning` says: from the start by default. This is how a read model is
   * rebuilt from the topics. Refused (`GroupHasMembersError`) while the group has a live
   * subscriber; a group that never consumed is already reset.
   */
  resetGroup(groupId: string): Promise<void>;
  /**
   * Resolves once the bus answered a trivial request (Kafka: a broker described the
   * cluster); rejects with why it could not, promptly, without retrying for long.
   * Readiness probes call it.
   */
  ping(): Promise<void>;
  /**
   * How many messages of `topics` the group has not committed yet (summed over
   * partitions): what its consumers still have to handle. A group that never committed
   * counts every retained message.
   */
  lag(groupId: string, topics: readonly string[]): Promise<number>;
  close(): Promise<void>;
}

/** `resetGroup` on a group that still has subscribers: they must be closed (stopped) first. */
export class GroupHasMembersError extends Error {
  constructor(readonly groupId: string) {
    super(`consumer group ${groupId} still has subscribers: stop them before resetting it`);
    this.name = 'GroupHasMembersError';
  }
}

/** Where messages of `topic` go after `maxAttempts` failed deliveries. */
export function deadLetterTopic(topic: string): string {
  return `${topic}.dead-letter`;
}
