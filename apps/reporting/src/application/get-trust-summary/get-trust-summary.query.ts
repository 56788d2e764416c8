import { Query } from '@nestjs/cqrs';
import type { TrustSummaryView } from './trust-summary.view';

export class GetTrustSummary extends Query<TrustSummaryView> {
  constructor(
    /** Null: every client's. */
    readonly clientId: string | null,
    /** An ISO instant: the figures as they stood then; null: as they stand now. */
    readonly asOf: string | null,
  ) {
    super();
  }
}
