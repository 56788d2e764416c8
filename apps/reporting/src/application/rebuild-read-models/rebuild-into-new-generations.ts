import type { GenerationalReadModelStore, GenerationRebuild, ProjectedEvent, Projection } from '@lib/read-models';
import { AUDIT_TRAIL } from '../../read-models/audit-trail.projection';
import { COMPLIANCE_DECISIONS } from '../../read-models/compliance-decisions.projection';
import { complianceDecisionsFromAuditTrail } from '../../read-models/compliance-decisions.queries';
import { AccountEventLog, loggedEventsOf, projectedEventOfLogged, REPORTED_EVENTS } from '../../read-models/reported-events.projection';
import { REMITTANCE_HISTORY } from '../../read-models/remittance-history.projection';
import { REPORTING_PROJECTIONS } from '../../read-models/reporting.queries';
import { TRUST_LEDGER } from '../../read-models/trust-ledger.projection';

/**
 * The collections a live rebuild reads from rather than rebuilds: reporting's own record
 * of what arrived (and the remittance history and trust ledger, whose messages no account's
 * log holds: statements, credit refunds, cost advances, commission corrections). They
 * are rebuilt only from the topics (`rebuildReportingReadModels`).
 */
export const REBUILD_SOURCES: readonly string[] = [REPORTED_EVENTS, AUDIT_TRAIL, REMITTANCE_HISTORY, TRUST_LEDGER];

/**
 * Rebuilds every other read model into a new generation while reporting runs and serves:
 * the compliance decision ledger from the audit trail, every other one from the log of
 * reported events (`reported_events`); one after the other, each switched over once it
 * has caught up with the live events, its old generation then dropped
 * (`GenerationalReadModelStore.rebuild`). Readers never see a report grow back from empty.
 */
export async function rebuildIntoNewGenerations(store: GenerationalReadModelStore, options: { pageSize?: number } = {}): Promise<GenerationRebuild[]> {
  const done: GenerationRebuild[] = [];
  for (const projection of REPORTING_PROJECTIONS) {
    if (REBUILD_SOURCES.includes(projection.name)) continue;
    const source = projection.name === COMPLIANCE_DECISIONS ? complianceDecisionsFromAuditTrail(store, options.pageSize) : reportedEventsFor(store, projection, options.pageSize);
    done.push(await store.rebuild(projection, source));
  }
  return done;
}

/**
 * The logged events a projection reads: the accounts' logs a page at a time in account id
 * order, each log's events in the order they arrived (a source stream's in version order).
 * Every event logged before the rebuild began shows (a page starts after the last account
 * id of the one before); events logged meanwhile may show too. A log's `_id` is its
 * account id, so the pages are keyset pages on `_id`, which every store reads from its
 * primary index (the in-memory store too, without sorting the collection per page).
 */
export async function* reportedEventsFor(store: GenerationalReadModelStore, projection: Projection<any>, pageSize = 500): AsyncGenerator<ProjectedEvent> {
  const handled = new Set(projection.handles);
  let after: string | null = null;
  for (;;) {
    const filter: Record<string, unknown> = after === null ? {} : { _id: { $gt: after } };
    const page: AccountEventLog[] = await store.find<AccountEventLog>(REPORTED_EVENTS, filter, { sort: { _id: 1 }, limit: pageSize });
    for (const log of page) for (const logged of loggedEventsOf(log)) if (handled.has(logged.type)) yield projectedEventOfLogged(logged);
    if (page.length < pageSize) return;
    after = page[page.length - 1].accountId;
  }
}
