import type { AuditRecordV1 } from '@lib/contracts';
import type { ProjectedEvent, Projection } from '@lib/read-models';
import { isoInstant } from './reported-events.projection';

export const COMPLIANCE_DECISIONS = 'compliance_decisions';

/** The projection's own event: one rule's verdict, split out of the audit record that carried it. */
export const COMPLIANCE_DECISION = 'ComplianceDecision';

export const DECISIONS = ['allow', 'deny'] as const;
export type Decision = (typeof DECISIONS)[number];

/**
 * One allow/deny decision of a rule, as a service recorded it on an account: which rule
 * (and version, where the service versions its rules), what it said and why, on what
 * action, by whom, when. `position` (= `_id`) orders the ledger by time; it is also the
 * cursor a page ends at.
 */
export interface ComplianceDecisionDocument {
  position: string;
  decidedAt: string;
  rule: string;
  ruleVersion: number | null;
  decision: Decision;
  reason: string | null;
  /** The recorded event that carries the decision, e.g. `ContactAttemptRefused`. */
  action: string;
  channel: string | null;
  service: string;
  accountId: string | null;
  clientId: string | null;
  actorRole: string;
  actorId: string;
  eventId: string;
  streamId: string;
  version: number;
}

interface Verdict {
  rule: string;
  ruleVersion: number | null;
  decision: Decision;
  reason: string | null;
}

/**
 * A command a rule refused, recorded on the account's compliance stream of the service
 * that refused it (`CommandRefused`, libs/platform's `recordingRefusals`): a denial.
 */
const commandRefused = (data: Record<string, any>): Verdict[] => [{ rule: String(data.rule), ruleVersion: numberOrNull(data.ruleVersion), decision: 'deny', reason: stringOrNull(data.reason) }];

/** A legal criterion's version as the review recorded it (`criteria`); null on reviews recorded before versions. */
function versionOf(criteria: unknown, rule: string): number | null {
  const entry = Array.isArray(criteria) ? criteria.find((c: any) => c?.rule === rule) : undefined;
  return numberOrNull(entry?.version);
}
/** A command that passed every rule it is judged by (`CommandAllowed`, libs/platform's `recordingRefusals`): an allow per rule. */
const commandAllowed = (data: Record<string, any>): Verdict[] =>
  (Array.isArray(data.rules) ? data.rules : []).map((entry: any): Verdict => ({ rule: String(entry.rule), ruleVersion: numberOrNull(entry.ruleVersion), decision: 'allow', reason: null }));

/** The stored events that carry decisions, per service, and how each lists them. */
const VERDICTS: Record<string, Record<string, (data: Record<string, any>) => Verdict[]>> = {
  'debtor-contact': {
    CommandRefused: commandRefused,
    CommandAllowed: commandAllowed,
    // Every rule that allowed the attempt or message is on its record; a blocked one names the rule that blocked it.
    ContactAttemptRecorded: (data) => allowedBy(data.compliance),
    MessageSent: (data) => allowedBy(data.compliance),
    ContactAttemptRefused: (data) => [{ rule: String(data.rule), ruleVersion: numberOrNull(data.version), decision: 'deny', reason: stringOrNull(data.reason) }],
    MessageCancelled: (data) => [{ rule: String(data.rule), ruleVersion: numberOrNull(data.version), decision: 'deny', reason: stringOrNull(data.reason) }],
  },
  'legal-referral': {
    CommandRefused: commandRefused,
    CommandAllowed: commandAllowed,
    // A legal review checks every criterion: the failed ones denied the referral, the others allowed it.
    ReferralRecommended: (data) => stringList(data.rulesChecked).map((rule) => ({ rule, ruleVersion: versionOf(data.criteria, rule), decision: 'allow', reason: null })),
    // A supervisor stands behind the recommendation under the criteria, at their versions, or declines it.
    RecommendationApproved: (data) => (Array.isArray(data.criteria) ? data.criteria : []).map((entry: any): Verdict => ({ rule: String(entry.rule), ruleVersion: numberOrNull(entry.version), decision: 'allow', reason: 'approved by a supervisor' })),
    RecommendationDeclined: (data) => [{ rule: 'supervisor-approval', ruleVersion: null, decision: 'deny', reason: stringOrNull(data.reason) }],
    ReferralNotRecommended: (data) => {
      const failed = new Map<string, string | null>((Array.isArray(data.failedRules) ? data.failedRules : []).map((entry: any) => [String(entry.rule), stringOrNull(entry.reason)]));
      const checked = stringList(data.rulesChecked);
      const allowed = checked.filter((rule) => !failed.has(rule)).map((rule): Verdict => ({ rule, ruleVersion: null, decision: 'allow', reason: null }));
      return [...allowed, ...[...failed].map(([rule, reason]): Verdict => ({ rule, ruleVersion: null, decision: 'deny', reason }))];
    },
  },
  payments: {
    CommandRefused: commandRefused,
    CommandAllowed: commandAllowed,
  },
};

/** Whether an audit record may carry decisions (and so is worth resolving a client for). */
export function carriesDecisions(record: Pick<AuditRecordV1, 'service' | 'type'>): boolean {
  return VERDICTS[record.service]?.[record.type] !== undefined;
}

/**
 * The decisions an audit record carries, one projected event each (its own stream, so
 * each lands once). `clientId` is the record's own, else the one its stream was opened
 * with (a legal review that did not recommend names no client), else null.
 */
export function complianceDecisionsOf(record: AuditRecordV1, streamClientId: string | null = null): ProjectedEvent[] {
  const verdicts = VERDICTS[record.service]?.[record.type]?.(record.data) ?? [];
  const decidedAt = isoInstant(record.metadata.occurredAt);
  const clientId = typeof record.data.clientId === 'string' ? record.data.clientId : streamClientId;
  const accountId = record.accountId ?? (typeof record.data.accountId === 'string' ? record.data.accountId : null);
  return verdicts.map((verdict, index) => {
    const source = `${record.service}:${record.streamId}:${String(record.version).padStart(12, '0')}`;
    const document: ComplianceDecisionDocument = {
      position: `${decidedAt}|${source}|${String(index).padStart(4, '0')}`,
      decidedAt,
      ...verdict,
      action: record.type,
      channel: typeof record.data.channel === 'string' ? record.data.channel : null,
      service: record.service,
      accountId,
      clientId,
      actorRole: record.metadata.principal.role,
      actorId: record.metadata.principal.id,
      eventId: record.metadata.eventId,
      streamId: record.streamId,
      version: record.version,
    };
    return { streamId: `decision:${source}#${index}`, version: record.version, type: COMPLIANCE_DECISION, data: document, metadata: record.metadata };
  });
}

/** The compliance decision ledger: one document per decision, written once and never changed. */
export const complianceDecisionsProjection: Projection<ComplianceDecisionDocument> = {
  name: COMPLIANCE_DECISIONS,
  handles: [COMPLIANCE_DECISION],
  documentIds: (event) => [event.data.position],
  evolve: (document, event) => document ?? ({ ...event.data } as ComplianceDecisionDocument),
};

function allowedBy(compliance: unknown): Verdict[] {
  if (!Array.isArray(compliance)) return [];
  return compliance.map((entry: any) => ({ rule: String(entry.rule), ruleVersion: numberOrNull(entry.version), decision: entry.decision === 'deny' ? 'deny' : 'allow', reason: stringOrNull(entry.reason) }));
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
