import { CommandContext, Principal } from '@lib/es-core';
import type { BusSubscription, IncomingMessage, MessageBus } from '@lib/message-bus';

export interface EffectivelyOnceOptions {
  groupId: string;
  topics: readonly string[];
  now: () => Date;
  newId: () => string;
  maxAttempts?: number;
  /** See the bus's `SubscribeOptions.dependenciesDown`: a failure during an outage spends no attempt. */
  dependenciesDown?: () => Promise<boolean>;
  /**
   * Applies the message. Its writes must go through `handleCommand` with the given
   * context: the context dedupes by causation (= the message id), so a redelivered
   * message finds its earlier effect in the stream and changes nothing.
   */
  handle: (message: IncomingMessage, context: CommandContext) => Promise<void>;
  /**
   * Opt-in batch consumption (the bus's `batchHandler`): several messages of one
   * partition, in order, each with its context; resolving commits them all. A batch that
   * keeps failing falls back to `handle`, one message at a time. The same dedupe rule
   * holds: every effect must be a no-op when its message is delivered again.
   */
  handleBatch?: (messages: ReadonlyArray<{ message: IncomingMessage; context: CommandContext }>) => Promise<void>;
  /** Most messages per `handleBatch` call (the bus's default when omitted). */
  maxBatchSize?: number;
}

/** The principal inbound integration messages act as. */
export const RELAYED: Principal = { role: 'system', id: 'integration' };

/**
 * The inbound half of "nothing lost, nothing applied twice": the bus commits a message's
 * offset only after `handle` resolved (at-least-once), and each effect is keyed by the
 * message id in the target stream (dedupe), so a redelivery after a crash is a no-op.
 */
export function subscribeEffectivelyOnce(bus: MessageBus, options: EffectivelyOnceOptions): Promise<BusSubscription> {
  const handleBatch = options.handleBatch;
  return bus.subscribe({
    groupId: options.groupId,
    topics: options.topics,
    maxAttempts: options.maxAttempts,
    dependenciesDown: options.dependenciesDown,
    handler: (message) => options.handle(message, contextOf(message, options)),
    ...(handleBatch && {
      maxBatchSize: options.maxBatchSize,
      batchHandler: (messages: IncomingMessage[]) => handleBatch(messages.map((message) => ({ message, context: contextOf(message, options) }))),
    }),
  });
}

/**
 * The context a message's effects are written with. A message with an `effective-at`
 * header (its cause stands for an earlier business date, docs/domain.md "Business dates")
 * passes that date on to the events it causes; without one they are effective when recorded.
 */
export function contextOf(message: IncomingMessage, options: Pick<EffectivelyOnceOptions, 'now' | 'newId'>): CommandContext {
  const effectiveAt = message.headers['effective-at'];
  return {
    ...(effectiveAt !== undefined && !Number.isNaN(Date.parse(effectiveAt)) ? { effectiveAt: new Date(effectiveAt) } : {}),
    principal: RELAYED,
    correlationId: message.headers['correlation-id'],
    causationId: message.headers['message-id'],
    now: options.now(),
    newId: options.newId,
    dedupeByCausation: true,
  };
}
