import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { BatchAccepted } from './place-batch.request.dto';

/**
 * A client uploads a file of placements. The file is the request's stream, read a record
 * at a time by the handler; `contentType` says how to read it.
 */
export class PlaceBatch extends Command<BatchAccepted> {
  constructor(
    readonly file: AsyncIterable<Uint8Array | string>,
    readonly contentType: string | undefined,
    readonly context: CommandContext,
  ) {
    super();
  }
}
