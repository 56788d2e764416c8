export * from './relay';
export * from './idempotent-consumer';
export * from './messages';
export * from './topic-prefix';
export * from './service-runtime';
export * from './relay-replay';
export * from './consumption-tracker';
export * from './foreground-work';
