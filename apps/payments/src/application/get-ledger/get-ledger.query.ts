import { Query } from '@nestjs/cqrs';
import type { LedgerView } from './ledger.view';

export class GetLedger extends Query<LedgerView> {
  constructor(readonly accountId: string) {
    super();
  }
}
