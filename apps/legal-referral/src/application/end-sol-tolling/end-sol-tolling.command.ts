import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { EndSolTollingRequest } from '../record-sol-tolling/record-sol-tolling.request.dto';
import type { StatuteOfLimitationsView } from '../statute-of-limitations.view';

/** Record the day a tolling that stood open ended: the clock runs again. */
export class EndSolTolling extends Command<StatuteOfLimitationsView> {
  constructor(
    readonly accountId: string,
    readonly tollingId: string,
    readonly request: EndSolTollingRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
