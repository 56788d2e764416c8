export * from './event';
export * from './codec';
export * from './hash-chain';
export * from './decider';
export * from './command-handler';
export * from './aggregate-stream';
export * from './ids';
export * from './upcasting';
