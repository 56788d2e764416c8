import type { AuditRecordV1 } from '@lib/contracts';
import type { ProjectedEvent, ReadModelStore } from '@lib/read-models';
import { AUDIT_TRAIL, AuditEntryDocument, auditEntryId } from './audit-trail.projection';
import { carriesDecisions, COMPLIANCE_DECISIONS, ComplianceDecisionDocument, complianceDecisionsOf, Decision } from './compliance-decisions.projection';

/**
 * The decision events of a batch of audit records. A record that names no client (legal
 * review's ReferralNotRecommended) takes the client its stream was opened with: the
 * stream's first event, in the same batch or already in the audit trail (a stream's
 * records arrive in order, keyed by stream).
 */
export async function complianceDecisionEventsOf(store: ReadModelStore, records: readonly AuditRecordV1[]): Promise<ProjectedEvent[]> {
  const opened = new Map<string, string | null>();
  for (const record of records) {
    if (record.version === 0) opened.set(`${record.service}:${record.streamId}`, typeof record.data.clientId === 'string' ? record.data.clientId : null);
  }
  const events: ProjectedEvent[] = [];
  for (const record of records) {
    if (!carriesDecisions(record)) continue;
    let streamClientId: string | null = null;
    if (typeof record.data.clientId !== 'string') {
      const key = `${record.service}:${record.streamId}`;
      if (!opened.has(key)) opened.set(key, await openingClientOf(store, record.service, record.streamId));
      streamClientId = opened.get(key) ?? null;
    }
    events.push(...complianceDecisionsOf(record, streamClientId));
  }
  return events;
}

async function openingClientOf(store: ReadModelStore, service: string, streamId: string): Promise<string | null> {
  const first = await store.findOne<AuditEntryDocument>(AUDIT_TRAIL, { _id: auditEntryId(service, streamId, 0) });
  if (!first) return null;
  const data = JSON.parse(first.dataJson) as Record<string, unknown>;
  return typeof data.clientId === 'string' ? data.clientId : null;
}

/** The audit record an audit-trail document was made from. */
export function auditRecordOf(document: AuditEntryDocument): AuditRecordV1 {
  return {
    service: document.service,
    ...(document.accountId !== null ? { accountId: document.accountId } : {}),
    streamId: document.streamId,
    version: document.version,
    type: document.type,
    data: JSON.parse(document.dataJson) as Record<string, unknown>,
    metadata: document.metadata,
  };
}

/**
 * Every decision the audit trail holds, for a rebuild of the ledger: audit-trail
 * documents a page at a time in `_id` order, each page starting past the last id of the
 * one before (a keyset page: every store reads it from its `_id` index, where skipping
 * read every page before again). Every document stored before the rebuild began is read
 * (documents are never removed); one added meanwhile may be read or not, and the rebuild
 * replays what arrived live anyway. Only records that carry decisions are decoded.
 */
export async function* complianceDecisionsFromAuditTrail(store: ReadModelStore, pageSize = 2000): AsyncGenerator<ProjectedEvent> {
  let after: string | null = null;
  for (;;) {
    const filter: Record<string, unknown> = after === null ? {} : { _id: { $gt: after } };
    const page: Array<AuditEntryDocument & { _id: string }> = await store.find(AUDIT_TRAIL, filter, { sort: { _id: 1 }, limit: pageSize });
    const records = page.filter(carriesDecisions).map(auditRecordOf);
    yield* await complianceDecisionEventsOf(store, records);
    if (page.length < pageSize) return;
    after = page[page.length - 1]._id;
  }
}

export interface DecisionFilter {
  rule?: string;
  decision?: Decision;
  actor?: string;
  clientId?: string;
  accountId?: string;
  /** Inclusive, ISO instant. */
  from?: string;
  /** Exclusive, ISO instant. */
  to?: string;
}

export interface DecisionPage {
  decisions: Array<Omit<ComplianceDecisionDocument, 'position'>>;
  /** Where the next page starts; null on the last page. */
  nextCursor: string | null;
}

/**
 * The compliance decision ledger in time order, filtered, a page at a time. The cursor
 * is the last decision's position: the next page starts after it, so decisions recorded
 * meanwhile at later instants appear on later pages and none is listed twice. Filters are
 * equalities and ranges on single fields, which every store serves.
 */
export async function complianceDecisionPage(store: ReadModelStore, filter: DecisionFilter, after: string | null, limit: number): Promise<DecisionPage> {
  const query: Record<string, unknown> = {};
  if (filter.rule !== undefined) query.rule = filter.rule;
  if (filter.decision !== undefined) query.decision = filter.decision;
  if (filter.actor !== undefined) query.actorId = filter.actor;
  if (filter.clientId !== undefined) query.clientId = filter.clientId;
  if (filter.accountId !== undefined) query.accountId = filter.accountId;
  const period: Record<string, string> = {};
  if (filter.from !== undefined) period.$gte = filter.from;
  if (filter.to !== undefined) period.$lt = filter.to;
  if (Object.keys(period).length > 0) query.decidedAt = period;
  if (after !== null) query.position = { $gt: after };
  const found = await store.find<ComplianceDecisionDocument & { _id: string }>(COMPLIANCE_DECISIONS, query, { sort: { position: 1 }, limit: limit + 1 });
  const page = found.slice(0, limit);
  return {
    decisions: page.map(({ _id: _ignored, position: _position, ...decision }) => decision),
    nextCursor: found.length > limit ? page[page.length - 1].position : null,
  };
}
