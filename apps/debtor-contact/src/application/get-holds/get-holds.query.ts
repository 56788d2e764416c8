import { Query } from '@nestjs/cqrs';
import type { CaseHoldsView } from './holds.view';

export class GetHolds extends Query<CaseHoldsView> {
  constructor(readonly accountId: string) {
    super();
  }
}
