export * from './durable-scheduler';
export * from './backoff';
export * from './log';
