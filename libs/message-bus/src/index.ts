/**
 * The message bus port and its adapters. The composition root picks one:
 * `createKafkaMessageBus` for the distributed mode, `createInProcessMessageBus` for the
 * all-in-one mode. Both pass the same contract suite (`contract/message-bus.contract.ts`).
 */
export * from './message-bus.port';
export { DEFAULT_MAX_ATTEMPTS, DEFAULT_MAX_BATCH_SIZE, DEFAULT_RETRY_BACKOFF } from './delivery-policy';
export type { RetryBackoff } from './delivery-policy';
export { InProcessMessageBus, createInProcessMessageBus } from './in-process/in-process-message-bus';
export type { InProcessMessageBusOptions } from './in-process/in-process-message-bus';
export { KafkaMessageBus, createKafkaMessageBus } from './kafka/kafka-message-bus';
export type { KafkaLogLevel, KafkaMessageBusOptions } from './kafka/kafka-message-bus';
