import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';

/** Make one attempt of a delivery (the scheduler asks when it is due). */
export class DeliverWebhook extends Command<void> {
  constructor(
    readonly clientId: string,
    readonly deliveryId: string,
    readonly round: number,
    readonly attempt: number,
    readonly context: CommandContext,
  ) {
    super();
  }
}
