import { messageBusContract } from '../contract-suite/message-bus.contract-suite';
import { createInProcessMessageBus } from './in-process-message-bus';

// A short backoff keeps the retry cases fast; the semantics are the same at any length.
messageBusContract('in-process', () => createInProcessMessageBus({ retryBackoff: { initialMs: 5, maxMs: 20 } }), {
  waitTimeoutMs: 5_000,
});
