export * from './clock';
export * from './backoff';
export * from './durable-scheduler';
export * from './log';
