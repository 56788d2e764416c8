import { Query } from '@nestjs/cqrs';
import type { ApprovalView } from './approval.view';

/** The supervisors' approval queue: pending entries oldest first, then the latest decided ones. */
export class GetApprovals extends Query<ApprovalView[]> {
  constructor() {
    super();
  }
}
