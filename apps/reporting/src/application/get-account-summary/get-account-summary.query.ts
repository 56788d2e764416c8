import { Query } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import type { AccountSummaryView } from './account-summary.view';

export class GetAccountSummary extends Query<AccountSummaryView> {
  constructor(
    readonly accountId: string,
    readonly principal: Principal,
    /** An ISO instant: the summary as it stood then; null: as it stands now. */
    readonly asOf: string | null = null,
  ) {
    super();
  }
}
