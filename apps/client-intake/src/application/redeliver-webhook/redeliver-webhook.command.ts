import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { RedeliveryAnswer } from './redeliver-webhook.request.dto';

/** A client asks for a delivery again (it succeeded, failed or was lost on its side). */
export class RedeliverWebhook extends Command<RedeliveryAnswer> {
  constructor(
    readonly clientId: string,
    readonly endpointId: string,
    readonly deliveryId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
