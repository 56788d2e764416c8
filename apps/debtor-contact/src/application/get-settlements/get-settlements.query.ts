import { Query } from '@nestjs/cqrs';
import type { SettlementsView } from './settlements.view';

/** The settlements of an account's case, from its settlements stream. */
export class GetSettlements extends Query<SettlementsView> {
  constructor(readonly accountId: string) {
    super();
  }
}
