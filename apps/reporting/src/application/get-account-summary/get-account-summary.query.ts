import { Query } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import type { AccountSummaryView } from './account-summary.view';

export class GetAccountSummary extends Query<AccountSummaryView> {
  constructor(
    readonly accountId: string,
    readonly principal: Principal,
  ) {
    super();
  }
}
