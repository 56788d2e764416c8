import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { ShownOnce } from '@lib/platform';

/** A client rotates an endpoint's signing secret; the old one keeps signing alongside for a grace period. */
export class RotateWebhookSecret extends Command<ShownOnce> {
  constructor(
    readonly clientId: string,
    readonly endpointId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
