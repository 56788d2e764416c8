import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { ApprovalDecisionAnswer, ApprovalDecisionRequest } from './decide-approval.request.dto';

/** A supervisor approves or declines an entry of the approval queue. */
export class DecideApproval extends Command<ApprovalDecisionAnswer> {
  constructor(
    readonly approvalId: string,
    readonly decision: 'approved' | 'rejected',
    readonly request: ApprovalDecisionRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
