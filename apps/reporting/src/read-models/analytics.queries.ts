import type { ReadModelStore } from '@lib/read-models';
import { AgingTally, CurrencyAging } from './aging';
import { endOfDay, monthsFromTo } from './business-calendar';
import { COLLECTOR_ACTIVITY, CollectorActivity } from './collector-activity.projection';
import { CollectorPerformance, CollectorPerformanceTally } from './collector-performance';
import { LiquidationCohort, LiquidationTally } from './liquidation';
import { RECEIVABLES, Receivable } from './receivables.projection';

export interface ClientAging {
  clientId: string;
  currencies: CurrencyAging[];
}

export interface AgingReport {
  /** The client the report is of; null for the agency. */
  clientId: string | null;
  asOf: string;
  currencies: CurrencyAging[];
  /** Each client with anything open, in id order. */
  clients: ClientAging[];
}

export interface LiquidationReport {
  clientId: string | null;
  asOf: string;
  cohorts: LiquidationCohort[];
}

export interface CollectorPerformanceReport extends CollectorPerformance {
  from: string;
  to: string;
}

/** Documents per read: a report reads every account of its scope, a page at a time, so memory holds one page and the tallies. */
const PAGE = 500;

/**
 * The aging, liquidation and collector performance reports, over per-account documents
 * (`receivables`, `collector_activity`) evaluated as of a day by the pure tallies. Reads
 * use equality on `clientId`, `$gt` on `accountId`, `$in` on `months` and a sort on `accountId`: what
 * both read-model stores answer alike.
 */
export class AnalyticsQueries {
  constructor(
    private readonly store: ReadModelStore,
    private readonly pageSize = PAGE,
  ) {}

  /** Whether any account of the client is known to these reports. */
  async knowsClient(clientId: string): Promise<boolean> {
    return (await this.store.findOne(RECEIVABLES, { clientId })) !== null || (await this.store.findOne(COLLECTOR_ACTIVITY, { clientId })) !== null;
  }

  async aging(clientId: string | null, asOf: string): Promise<AgingReport> {
    const total = new AgingTally();
    const perClient = new Map<string, AgingTally>();
    for await (const receivable of this.pages<Receivable>(RECEIVABLES, clientId === null ? {} : { clientId })) {
      total.add(receivable, asOf);
      const tally = perClient.get(receivable.clientId) ?? new AgingTally();
      perClient.set(receivable.clientId, tally);
      tally.add(receivable, asOf);
    }
    const clients = [...perClient.keys()]
      .sort()
      .map((id) => ({ clientId: id, currencies: perClient.get(id)!.result() }))
      .filter((client) => client.currencies.length > 0);
    return { clientId, asOf, currencies: total.result(), clients };
  }

  async liquidation(clientId: string | null, asOf: string): Promise<LiquidationReport> {
    const tally = new LiquidationTally(asOf);
    for await (const receivable of this.pages<Receivable>(RECEIVABLES, clientId === null ? {} : { clientId })) tally.add(receivable);
    return { clientId, asOf, cohorts: tally.result() };
  }

  /** `from` and `to` are days (`YYYY-MM-DD`), both included. */
  async collectorPerformance(from: string, to: string): Promise<CollectorPerformanceReport> {
    const tally = new CollectorPerformanceTally(Date.parse(`${from}T00:00:00.000Z`), endOfDay(to));
    for await (const activity of this.pages<CollectorActivity>(COLLECTOR_ACTIVITY, { months: { $in: monthsFromTo(from, to) } })) tally.add(activity);
    return { from, to, ...tally.result() };
  }

  /** Every account document matching `filter`, in account id order, a page at a time, each page after the last id of the one before. */
  private async *pages<Doc extends { accountId: string }>(collection: string, filter: Record<string, unknown>): AsyncGenerator<Doc> {
    let after: string | undefined;
    for (;;) {
      const page = await this.store.find<Doc>(collection, after === undefined ? filter : { ...filter, accountId: { $gt: after } }, { sort: { accountId: 1 }, limit: this.pageSize });
      yield* page;
      if (page.length < this.pageSize) return;
      after = page[page.length - 1].accountId;
    }
  }
}
