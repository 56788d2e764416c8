import { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { MessageDispatcher } from './message-dispatcher';

/** Starts the dispatcher once the app is up, and stops it (the message in hand finished) before it exits. */
export class MessageDispatcherLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(readonly dispatcher: MessageDispatcher) {}

  onApplicationBootstrap(): Promise<void> {
    return this.dispatcher.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.dispatcher.stop();
  }
}
