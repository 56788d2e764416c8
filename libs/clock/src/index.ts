export * from './clock';
export * from './durable-scheduler';
