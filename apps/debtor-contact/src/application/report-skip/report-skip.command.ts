import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { ReportSkipRequest, SkipReportedAnswer } from './report-skip.request.dto';

/** A wrong number or returned mail: the account goes to the skip-tracing queue. */
export class ReportSkip extends Command<SkipReportedAnswer> {
  constructor(
    readonly accountId: string,
    readonly request: ReportSkipRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
