import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';

export interface PromiseHeard {
  accountId: string;
  clientId: string;
  promiseId: string;
  amount: number;
  currency: string;
  dueDate: string;
  madeAt: string;
}

/** A promise this service recorded (its own PromiseToPayMade.v1, heard back): follow it and book its deadline check. */
export class TrackPromise extends Command<void> {
  constructor(
    readonly promise: PromiseHeard,
    readonly context: CommandContext,
  ) {
    super();
  }
}
