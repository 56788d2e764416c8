import { PaymentPosted, PaymentReversed } from '@lib/contracts';
import { foldInMemory, ProjectedEvent, ReadModelStore } from '@lib/read-models';
import { accountSummaryProjection } from './account-summary.projection';
import { portfolioOf, portfolioProjection, Portfolio } from './portfolio.projection';
import { REPORTED_EVENTS, ReportedEventDocument, projectedEventOfReported } from './reported-events.projection';
import { AccountSummaryReport, accountSummaryReport } from './reporting.queries';
import { TrustSummary, trustSummaryOf, trustSummaryProjection } from './trust-summary.projection';

/**
 * Reports as they stood at a past instant: the reported events recorded up to it (the
 * `reported_events` log), folded in memory with the very projection the live read model
 * uses, through the same `fold.ts`. "Recorded" is the source event's `occurredAt`, when
 * the service stored it (not a business date an import gave it): the report shows what
 * the agency knew then. Events are folded in recorded order, a stream's in version order.
 */
export class AsOfQueries {
  constructor(private readonly store: ReadModelStore) {}

  async accountSummary(accountId: string, asOf: string): Promise<AccountSummaryReport | null> {
    const events = await this.recordedUpTo({ accountId }, asOf);
    return accountSummaryReport(foldInMemory(accountSummaryProjection, events).get(accountId) ?? null);
  }

  async portfolio(clientId: string, asOf: string): Promise<Portfolio | null> {
    const events = await this.recordedUpTo({ clientId, type: { $in: [...portfolioProjection.handles] } }, asOf);
    return portfolioOf(clientId, [...foldInMemory(portfolioProjection, events).values()]);
  }

  /** Every client's trust figures when `clientId` is null. */
  async trustSummary(clientId: string | null, asOf: string): Promise<TrustSummary> {
    const types = { type: { $in: [PaymentPosted.type, PaymentReversed.type] } };
    const events = await this.recordedUpTo(clientId === null ? types : { ...types, clientId }, asOf);
    return trustSummaryOf(clientId, [...foldInMemory(trustSummaryProjection, events).values()]);
  }

  private async recordedUpTo(filter: Record<string, unknown>, asOf: string): Promise<ProjectedEvent[]> {
    const documents = await this.store.find<ReportedEventDocument>(REPORTED_EVENTS, { ...filter, recordedAt: { $lte: asOf } }, { sort: { recordedAt: 1, position: 1 } });
    return documents.map(projectedEventOfReported);
  }
}
