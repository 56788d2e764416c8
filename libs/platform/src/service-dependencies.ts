import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Clock } from '@lib/clock';
import type { CheckpointStore, EventStore } from '@lib/event-store';
import type { ServiceRuntime } from '@lib/integration';
import type { MessageBus } from '@lib/message-bus';
import type { ClockControl } from './infrastructure';

/** What every service module is given by its composition root. */
export interface ServiceDependencies {
  eventStore: EventStore & CheckpointStore;
  bus: MessageBus;
  clock: Clock;
  newId: () => string;
  /** Present when the process runs a test clock: services register their schedulers in it. */
  clockControl?: ClockControl;
}

/** Starts a service's relay, consumers and scheduler once the app is up; stops them on close. */
@Injectable()
export class RuntimeLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(readonly runtime: ServiceRuntime) {}

  onApplicationBootstrap(): Promise<void> {
    return this.runtime.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.runtime.stop();
  }
}

export function runtimeProvider(runtime: ServiceRuntime) {
  return { provide: Symbol('service-runtime'), useFactory: () => new RuntimeLifecycle(runtime) };
}
