import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { APPROVALS, ApprovalDoc } from '../../read-models/approvals.projection';
import { WorkQueueProjector } from '../../integration/read-models/work-queue.projector';
import type { ApprovalView } from './approval.view';
import { GetApprovals } from './get-approvals.query';

/** How many decided entries are shown after the pending ones, for a supervisor's look back. */
export const DECIDED_SHOWN = 50;

@QueryHandler(GetApprovals)
export class GetApprovalsHandler implements IQueryHandler<GetApprovals> {
  constructor(private readonly projector: WorkQueueProjector) {}

  async execute(): Promise<ApprovalView[]> {
    await this.projector.catchUp();
    const readModels = this.projector.readModels;
    const pending = await readModels.find<ApprovalDoc>(APPROVALS, { status: 'pending' }, { sort: { requestedAt: 1 } });
    const decided = await readModels.find<ApprovalDoc>(APPROVALS, { status: { $in: ['approved', 'rejected'] } }, { sort: { decidedAt: -1 }, limit: DECIDED_SHOWN });
    return [...pending, ...decided].map(({ approvalId, kind, accountId, clientId, amount, currency, reason, requestedBy, requestedAt, status, decidedBy, decidedAt }) => ({
      approvalId, kind, accountId, clientId, amount, currency, reason, requestedBy, requestedAt, status, decidedBy, decidedAt,
    }));
  }
}
