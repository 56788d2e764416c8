import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx } from '@lib/platform';
import { DecideApproval } from './decide-approval.command';
import { ApprovalDecisionAnswer, ApprovalDecisionRequest } from './decide-approval.request.dto';

const problems = {
  404: 'No such entry on the approval queue (rule approval-unknown).',
  409: 'Already decided the other way (rule approval-already-decided), or its settlement no longer waits for a supervisor (rule settlement-not-awaiting-supervisor), or its write-off was decided otherwise or its case closed (rules write-off-already-decided, case-closed).',
};

/** A supervisor decides an entry of the approval queue; a settlement approved goes on to its client (docs/debtor-contact.md, "Approvals"). */
@Controller('approvals/:approvalId')
export class DecideApprovalController {
  constructor(private readonly commands: CommandBus) {}

  @Post('approve')
  @CommandEndpoint({ roles: ['supervisor'], tag: 'work queue', status: 200, answer: ApprovalDecisionAnswer, description: 'Approved; the same approval again answers the same.', problems })
  approve(@Param('approvalId') approvalId: string, @Body() body: ApprovalDecisionRequest, @Ctx() context: CommandContext): Promise<ApprovalDecisionAnswer> {
    return this.commands.execute(new DecideApproval(approvalId, 'approved', body, context));
  }

  @Post('decline')
  @CommandEndpoint({ roles: ['supervisor'], tag: 'work queue', status: 200, answer: ApprovalDecisionAnswer, description: 'Declined; a declined settlement ends and collection goes on for the whole balance.', problems })
  decline(@Param('approvalId') approvalId: string, @Body() body: ApprovalDecisionRequest, @Ctx() context: CommandContext): Promise<ApprovalDecisionAnswer> {
    return this.commands.execute(new DecideApproval(approvalId, 'rejected', body, context));
  }
}
