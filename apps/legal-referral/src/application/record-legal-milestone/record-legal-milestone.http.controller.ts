import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { ReferralView } from '../referral.view';
import { RecordLegalMilestone } from './record-legal-milestone.command';
import { RecordLegalMilestoneRequest } from './record-legal-milestone.request.dto';

/**
 * The receiving attorney's milestones, from acknowledgement to closing or recall. Legal
 * records them on the attorney's behalf; a panel attorney reports its own with its API key,
 * and reaches only the cases forwarded to it.
 */
@Controller('referrals/:accountId/milestones')
export class RecordLegalMilestoneController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({
    roles: ['legal', 'attorney'],
    tag: 'referrals',
    uuidParams: ['accountId'],
    answer: ReferralView,
    description: 'The case with the milestone recorded (`litigation`).',
    problems: {
      404: 'No referral case for the account, or (an attorney) a case not forwarded to it (rule referral-unknown).',
      409: 'Rule referral-not-forwarded, milestone-out-of-order, legal-file-closed or referral-closed. Nothing is stored.',
      422: 'A field the milestone does not take (rule milestone-details-invalid), or an amount out of range (milestone-amount-invalid).',
    },
  })
  record(@UuidParam('accountId') accountId: string, @Body() body: RecordLegalMilestoneRequest, @Ctx() context: CommandContext): Promise<ReferralView> {
    return this.commands.execute(new RecordLegalMilestone(accountId, body, context));
  }
}
