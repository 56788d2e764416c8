import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { StatuteOfLimitationsView } from '../statute-of-limitations.view';
import type { RecordSolTollingRequest } from './record-sol-tolling.request.dto';

/** Record that the limitation clock stopped (a bankruptcy stay), with its end when known. */
export class RecordSolTolling extends Command<StatuteOfLimitationsView> {
  constructor(
    readonly accountId: string,
    readonly request: RecordSolTollingRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
