import { PaymentPosted, PaymentReversed } from '@lib/contracts';
import { foldInMemory, ReadModelStore } from '@lib/read-models';
import { accountSummaryProjection } from './account-summary.projection';
import { portfolioOf, portfolioProjection, Portfolio } from './portfolio.projection';
import { AccountEventLog, loggedUpTo, ParsedLogs, REPORTED_EVENTS } from './reported-events.projection';
import { AccountSummaryReport, accountSummaryReport } from './reporting.queries';
import { TrustSummary, trustSummaryOf, trustSummaryProjection } from './trust-summary.projection';

const PORTFOLIO_TYPES: ReadonlySet<string> = new Set(portfolioProjection.handles);
const TRUST_TYPES: ReadonlySet<string> = new Set([PaymentPosted.type, PaymentReversed.type]);

/**
 * Reports as they stood at a past instant: the reported events recorded up to it (the
 * `reported_events` log), folded in memory with the very projection the live read model
 * uses, through the same `fold.ts`. "Recorded" is the source event's `occurredAt`, when
 * the service stored it (not a business date an import gave it): the report shows what
 * the agency knew then. Events are folded in recorded order, a stream's in version order.
 */
export class AsOfQueries {
  private readonly parsed: ParsedLogs;

  constructor(private readonly store: ReadModelStore) {
    this.parsed = parsedLogsOf(store);
  }

  async accountSummary(accountId: string, asOf: string): Promise<AccountSummaryReport | null> {
    const log = await this.store.findOne<AccountEventLog>(REPORTED_EVENTS, { _id: accountId });
    if (!log) return null;
    return accountSummaryReport(foldInMemory(accountSummaryProjection, loggedUpTo([log], asOf, undefined, this.parse)).get(accountId) ?? null);
  }

  async portfolio(clientId: string, asOf: string): Promise<Portfolio | null> {
    const logs = await this.store.find<AccountEventLog>(REPORTED_EVENTS, { clientId });
    return portfolioOf(clientId, [...foldInMemory(portfolioProjection, loggedUpTo(logs, asOf, PORTFOLIO_TYPES, this.parse)).values()]);
  }

  /** Every client's trust figures when `clientId` is null. */
  async trustSummary(clientId: string | null, asOf: string): Promise<TrustSummary> {
    const logs = await this.store.find<AccountEventLog>(REPORTED_EVENTS, clientId === null ? {} : { clientId });
    const events = loggedUpTo(logs, asOf, TRUST_TYPES, this.parse).filter((event) => clientId === null || event.data.clientId === clientId);
    return trustSummaryOf(clientId, [...foldInMemory(trustSummaryProjection, events).values()]);
  }

  private readonly parse = (log: AccountEventLog) => this.parsed.of(log);
}

/** One cache of parsed logs per store, shared by every query handler that reads it. */
const parsedLogsByStore = new WeakMap<ReadModelStore, ParsedLogs>();
function parsedLogsOf(store: ReadModelStore): ParsedLogs {
  let parsed = parsedLogsByStore.get(store);
  if (!parsed) parsedLogsByStore.set(store, (parsed = new ParsedLogs()));
  return parsed;
}
