import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { ReferralView } from '../referral.view';
import type { RecordLegalMilestoneRequest } from './record-legal-milestone.request.dto';

/** Legal records a milestone on the attorney's behalf, or the attorney reports it with its own key. */
export class RecordLegalMilestone extends Command<ReferralView> {
  constructor(
    readonly accountId: string,
    readonly request: RecordLegalMilestoneRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
