import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Clock } from '@lib/clock';
import type { CheckpointStore, EventStore } from '@lib/event-store';
import type { ServiceRuntime } from '@lib/integration';
import type { MessageBus } from '@lib/message-bus';
import { Refused } from './http/refusal';
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
  constructor(
    readonly runtime: ServiceRuntime,
    private readonly commands: CommandBus,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.runtime.start((command) => this.dispatch(command));
  }

  /**
   * An inbound message's command, on the same bus as HTTP commands. A refusal is the
   * domain's answer, not a redelivery: it resolves as a refused outcome, counted by its rule.
   */
  private async dispatch(command: object): Promise<unknown> {
    try {
      return await this.commands.execute(command);
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      return { outcome: 'rejected', rejection: { rule: error.rule } };
    }
  }

  onApplicationShutdown(): Promise<void> {
    return this.runtime.stop();
  }
}

export function runtimeProvider(runtime: ServiceRuntime) {
  return { provide: Symbol('service-runtime'), useFactory: (commands: CommandBus) => new RuntimeLifecycle(runtime, commands), inject: [CommandBus] };
}

/**
 * The token under which every service module provides its dependencies. A service module
 * provides it for itself and does not export it, so in the all-in-one process each
 * service's endpoints get their own service's store.
 */
export const SERVICE_DEPENDENCIES = Symbol('SERVICE_DEPENDENCIES');
