import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { QueryEndpoint } from '@lib/platform';
import { ApprovalView } from './approval.view';
import { GetApprovals } from './get-approvals.query';

/** What waits for a supervisor: settlements beyond authority, forced recalls, write-offs. */
@Controller('approvals')
export class GetApprovalsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @QueryEndpoint({ roles: ['supervisor'], tag: 'work queue', answer: [ApprovalView], description: `Pending entries oldest first, then the 50 latest decided ones (docs/debtor-contact.md, "Approvals").` })
  get(): Promise<ApprovalView[]> {
    return this.queries.execute(new GetApprovals());
  }
}
