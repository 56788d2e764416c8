import { Query } from '@nestjs/cqrs';
import type { CostAdvanceView } from './cost-advance.view';

export class GetCostAdvances extends Query<CostAdvanceView[]> {
  constructor(readonly accountId: string) {
    super();
  }
}
