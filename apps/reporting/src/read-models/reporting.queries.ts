import type { LegalStage } from '@lib/contracts';
import type { EventRecord } from '@lib/contracts/audit/history-export.format';
import type { Projection, ReadModelStore } from '@lib/read-models';
import { ACCOUNT_SUMMARIES, AccountSummary, accountSummaryProjection } from './account-summary.projection';
import { AUDIT_TRAIL, AuditEntryDocument, auditTrailProjection } from './audit-trail.projection';
import { collectorActivityProjection } from './collector-activity.projection';
import { inCausalOrder } from './history-order';
import { LEGAL_PIPELINE, LEGAL_STAGES, LegalPipelineEntry, legalPipelineProjection } from './legal-pipeline.projection';
import { complianceDecisionsProjection } from './compliance-decisions.projection';
import { TRUST_SUMMARY, trustBucketIds, TrustSummary, TrustSummaryBucket, trustSummaryOf } from './trust-summary.projection';
import { reportedEventsProjection } from './reported-events.projection';
import { keepsAllTrustFigures, PORTFOLIO, Portfolio, PortfolioBucket, portfolioBucketIds, portfolioOf, portfolioProjection } from './portfolio.projection';
import { receivablesProjection } from './receivables.projection';
import { remittanceHistoryProjection } from './remittance-history.projection';
import { trustLedgerProjection } from './trust-ledger.projection';

/** Every projection reporting keeps, fed from the bus. */
export const REPORTING_PROJECTIONS: readonly Projection<any>[] = [
  portfolioProjection,
  accountSummaryProjection,
  legalPipelineProjection,
  auditTrailProjection,
  receivablesProjection,
  collectorActivityProjection,
  reportedEventsProjection,
  complianceDecisionsProjection,
  remittanceHistoryProjection,
  trustLedgerProjection,
];

/**
 * Collections no projection writes any more, read for what a store written before holds
 * (`trust_summary`: see `ReportingQueries.trustSummary`). Opened with the projections'
 * collections, so a store that rebuilt one into a later generation reads that one.
 */
export const RETIRED_COLLECTIONS: readonly string[] = [TRUST_SUMMARY];

/** The summary without the projection's bookkeeping (the ledger's last figure, the version of the status). */
export type AccountSummaryReport = Omit<AccountSummary, 'ledgerBalance' | 'statusVersion'>;

/** An open account in the legal pipeline, as the report lists it. */
export interface LegalPipelineAccount {
  accountId: string;
  clientId: string;
  stage: LegalStage;
  balance: number;
  currency: string;
  attorneyId: string | null;
  changedAt: string;
}

/** One stage of the pipeline: the open accounts in it, their balances, and the time accounts spend in it. */
export interface LegalStageSummary {
  stage: LegalStage;
  count: number;
  /** The balances of the accounts in the stage now, per currency (minor units), in currency order. */
  amounts: { currency: string; amount: number }[];
  /**
   * Average days the listed accounts spent in the stage, over those that were ever in it:
   * past stints, and the current one up to now. Null when none was.
   */
  averageDaysInStage: number | null;
}

export interface LegalPipelineReport {
  byStage: Record<LegalStage, number>;
  stages: LegalStageSummary[];
  accounts: LegalPipelineAccount[];
}

const DAY_MS = 86_400_000;

function stageSummaries(entries: readonly LegalPipelineEntry[], now: Date): LegalStageSummary[] {
  return LEGAL_STAGES.map((stage) => {
    const inStage = entries.filter((entry) => entry.stage === stage);
    const amounts = new Map<string, number>();
    for (const entry of inStage) amounts.set(entry.currency, (amounts.get(entry.currency) ?? 0) + entry.balance);
    const spent = entries
      .filter((entry) => entry.stage === stage || entry.timeInStages?.[stage] !== undefined)
      .map((entry) => (entry.timeInStages?.[stage] ?? 0) + (entry.stage === stage ? Math.max(0, now.getTime() - new Date(entry.changedAt).getTime()) : 0));
    const averageDaysInStage = spent.length === 0 ? null : Math.round((spent.reduce((sum, ms) => sum + ms, 0) / spent.length / DAY_MS) * 100) / 100;
    return {
      stage,
      count: inStage.length,
      amounts: [...amounts].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amount]) => ({ currency, amount })),
      averageDaysInStage,
    };
  });
}

/** One event of an account's history across every service: who did what, when and why. */
export interface HistoryEntry {
  service: string;
  streamId: string;
  version: number;
  type: string;
  data: Record<string, unknown>;
  eventId: string;
  actor: { role: string; id: string };
  /** When the event was recorded (the same instant as `recordedAt`; kept for readers from before business dates). */
  occurredAt: string;
  /** When the event was recorded: an import's run, not the business date it stands for. */
  recordedAt: string;
  /** The business date the event stands for (docs/domain.md, "Business dates"): `recordedAt` unless it was imported as of an earlier day. */
  effectiveAt: string;
  correlationId: string;
  causationId: string;
}

export type TimelineEntry = Omit<HistoryEntry, 'data'>;

/**
 * The questions the reports answer, over the read-model store. Queries stay inside what
 * FerretDB serves: equality filters, `$in`, `$exists`, a multi-field sort.
 */
export class ReportingQueries {
  constructor(private readonly store: ReadModelStore) {}

  /**
   * The sum of the client's bucket documents; null when it has none. The `_id`s listed
   * let MongoDB use its `_id` index; `bucket` must exist, so a document of the layout
   * before buckets (`_id` = client id, kept until a rebuild) is never counted.
   */
  async portfolio(clientId: string): Promise<Portfolio | null> {
    const buckets = await this.store.find<PortfolioBucket>(PORTFOLIO, { _id: { $in: portfolioBucketIds(clientId) }, clientId, bucket: { $exists: true } });
    return portfolioOf(clientId, buckets);
  }

  /**
   * Money that entered trust, as payments published it: the client's, or every client's when
   * `clientId` is null. Kept in the portfolio's buckets (`trustByCurrency`); what a store
   * written before that held in the retired `trust_summary` collection is added for the
   * buckets that do not hold all of it (stored before, or not at all). A rebuild makes
   * every bucket anew, holding all of it, so the retired documents stop counting.
   */
  async trustSummary(clientId: string | null): Promise<TrustSummary> {
    const filter = clientId === null ? {} : { _id: { $in: trustBucketIds(clientId) }, clientId };
    const [buckets, retired] = await Promise.all([
      this.store.find<PortfolioBucket & { _id: string }>(PORTFOLIO, clientId === null ? { bucket: { $exists: true } } : { ...filter, bucket: { $exists: true } }),
      this.store.find<TrustSummaryBucket & { _id: string }>(TRUST_SUMMARY, filter),
    ]);
    const complete = new Set(buckets.filter(keepsAllTrustFigures).map((bucket) => bucket._id));
    return trustSummaryOf(clientId, [
      ...buckets.map((bucket) => ({ byCurrency: bucket.trustByCurrency ?? {} })),
      ...retired.filter((bucket) => !complete.has(bucket._id)),
    ]);
  }

  async accountSummary(accountId: string): Promise<AccountSummaryReport | null> {
    return accountSummaryReport(await this.store.findOne<AccountSummary & { _id?: string }>(ACCOUNT_SUMMARIES, { _id: accountId }));
  }

  /** The client an account belongs to, as far as any service has said. */
  async clientOf(accountId: string): Promise<string | null> {
    return (await this.accountSummary(accountId))?.clientId ?? null;
  }

  /**
   * Open accounts in the legal pipeline, as of `now` (the clock's: the current stint in a
   * stage runs to it); only `clientId`'s when given. Only referred
   * accounts are ever open: a closed marker (`ClosedBeforeReferral`) never matches.
   */
  async legalPipeline(now: Date, clientId?: string): Promise<LegalPipelineReport> {
    const filter: Record<string, unknown> = clientId ? { open: true, clientId } : { open: true };
    const entries = await this.store.find<LegalPipelineEntry & { _id?: string }>(LEGAL_PIPELINE, filter, { sort: { changedAt: 1 } });
    const byStage = Object.fromEntries(LEGAL_STAGES.map((stage) => [stage, 0])) as Record<LegalStage, number>;
    for (const entry of entries) byStage[entry.stage] = (byStage[entry.stage] ?? 0) + 1;
    return {
      byStage,
      stages: stageSummaries(entries, now),
      accounts: entries.map(({ accountId, clientId: owner, stage, balance, currency, attorneyId, changedAt }) => ({
        accountId,
        clientId: owner,
        stage,
        balance,
        currency,
        attorneyId,
        changedAt,
      })),
    };
  }

  /**
   * Every stored event of the account, all services: each after its cause and after the
   * earlier versions of its stream, otherwise by time, then service, stream and version
   * (`inCausalOrder`). The store sorts by the latter; causation is applied here, since no
   * query a MongoDB-wire server runs can follow it.
   */
  async accountHistory(accountId: string): Promise<HistoryEntry[]> {
    const documents = await this.auditEntriesOf(accountId);
    return inCausalOrder(documents.map(historyEntryOf));
  }

  /** How many audit entries the account has: as many as `accountHistory` lists. */
  auditEntryCount(accountId: string): Promise<number> {
    return this.store.count(AUDIT_TRAIL, { accountId });
  }

  /**
   * The account's stored events as a history export carries them: whole, in their stored
   * form, with their hash-chain links, in the history's order (`accountHistory`).
   */
  async accountExportEvents(accountId: string): Promise<EventRecord[]> {
    const documents = await this.auditEntriesOf(accountId);
    const byTime = documents.map((document) => ({
      eventId: document.metadata.eventId,
      causationId: document.metadata.causationId,
      service: document.service,
      streamId: document.streamId,
      version: document.version,
      record: {
        record: 'event',
        service: document.service,
        accountId,
        streamId: document.streamId,
        version: document.version,
        type: document.type,
        data: JSON.parse(document.dataJson) as EventRecord['data'],
        metadata: { ...document.metadata },
      } satisfies EventRecord as EventRecord,
    }));
    return inCausalOrder(byTime).map((entry) => entry.record);
  }

  /**
   * The ids of the client's accounts, in id order, a page at a time: each page starts
   * after the last id of the one before, so an account placed meanwhile is never listed twice.
   */
  async *accountIdsOf(clientId: string, pageSize = 200): AsyncGenerator<string> {
    let after: string | undefined;
    for (;;) {
      const filter: Record<string, unknown> = after === undefined ? { clientId } : { clientId, accountId: { $gt: after } };
      const page = await this.store.find<AccountSummary>(ACCOUNT_SUMMARIES, filter, { sort: { accountId: 1 }, limit: pageSize });
      for (const summary of page) yield summary.accountId;
      if (page.length < pageSize) return;
      after = page[page.length - 1].accountId;
    }
  }

  /**
   * The account's audit entries by time, then service, stream and version (ids break ties).
   * Sorted here, not by the store: an SQL store sorts a JSON document's fields by
   * extracting each of them per row, which cost more than the read itself.
   */
  private async auditEntriesOf(accountId: string): Promise<StoredAuditEntry[]> {
    const documents = await this.store.find<StoredAuditEntry>(AUDIT_TRAIL, { accountId });
    return documents.sort(inHistoryTimeOrder);
  }

  async accountTimeline(accountId: string): Promise<TimelineEntry[]> {
    return (await this.accountHistory(accountId)).map(({ data: _data, ...entry }) => entry);
  }
}

/** An audit entry as the store gives it back, with its id. */
export type StoredAuditEntry = AuditEntryDocument & { _id: string };

/** What an audit entry's place in the time order depends on. */
export type HistoryTimeKey = Pick<StoredAuditEntry, 'occurredAt' | 'serviceRank' | 'streamId' | 'version' | '_id'>;

/** The order a history starts from, before causes are put before effects: time, then service, stream and version (ids break ties). */
export function inHistoryTimeOrder(a: HistoryTimeKey, b: HistoryTimeKey): number {
  return textOrder(a.occurredAt, b.occurredAt) || a.serviceRank - b.serviceRank || textOrder(a.streamId, b.streamId) || a.version - b.version || textOrder(a._id, b._id);
}

/** One audit entry as the history lists it. */
export function historyEntryOf(document: AuditEntryDocument): HistoryEntry {
  return {
    service: document.service,
    streamId: document.streamId,
    version: document.version,
    type: document.type,
    data: JSON.parse(document.dataJson) as Record<string, unknown>,
    eventId: document.metadata.eventId,
    actor: { role: document.metadata.principal.role, id: document.metadata.principal.id },
    occurredAt: document.metadata.occurredAt,
    recordedAt: document.metadata.occurredAt,
    effectiveAt: document.metadata.effectiveAt ?? document.metadata.occurredAt,
    correlationId: document.metadata.correlationId,
    causationId: document.metadata.causationId,
  };
}

/** A stored (or folded) summary as the report shows it. */
export function accountSummaryReport(document: (AccountSummary & { _id?: string }) | null): AccountSummaryReport | null {
  const found = strip(document);
  if (!found) return null;
  const { ledgerBalance: _ledgerBalance, statusVersion: _statusVersion, ...view } = found;
  // A summary stored before reopenings were reported has no `reopenedAt`: it never reopened.
  // Nor, before the pre-collection service, a `service`: it was placed third-party.
  return { ...view, reopenedAt: view.reopenedAt ?? null, service: view.service ?? 'third-party', preCollectionRemindersSent: view.preCollectionRemindersSent ?? 0, convertedAt: view.convertedAt ?? null };
}

/** Code-unit order, as the stores' binary collation sorts these ASCII fields. */
function textOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function strip<T extends { _id?: string }>(document: T | null): Omit<T, '_id'> | null {
  if (!document) return null;
  const { _id, ...rest } = document;
  return rest;
}
