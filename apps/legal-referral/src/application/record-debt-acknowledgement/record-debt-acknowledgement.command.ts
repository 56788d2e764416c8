import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { StatuteOfLimitationsView } from '../statute-of-limitations.view';
import type { RecordDebtAcknowledgementRequest } from './record-debt-acknowledgement.request.dto';

/** Record a signed written acknowledgement of the debt, which restarts the period where the debtor's state says so. */
export class RecordDebtAcknowledgement extends Command<StatuteOfLimitationsView> {
  constructor(
    readonly accountId: string,
    readonly request: RecordDebtAcknowledgementRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
