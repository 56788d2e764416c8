import type { DecisionFilter } from '../../read-models/compliance-decisions.queries';
import type { ComplianceDecisionFilterRequest } from './get-compliance-decisions.request.dto';

/** The request's filters, instants in the ledger's one ISO format. */
export function decisionFilterOf(request: ComplianceDecisionFilterRequest): DecisionFilter {
  const { rule, decision, actor, clientId, accountId, from, to } = request;
  return {
    ...(rule !== undefined ? { rule } : {}),
    ...(decision !== undefined ? { decision } : {}),
    ...(actor !== undefined ? { actor } : {}),
    ...(clientId !== undefined ? { clientId } : {}),
    ...(accountId !== undefined ? { accountId } : {}),
    ...(from !== undefined ? { from: new Date(from).toISOString() } : {}),
    ...(to !== undefined ? { to: new Date(to).toISOString() } : {}),
  };
}

/** A cursor is the last position of a page, opaque to callers. */
export const cursorOf = (position: string): string => Buffer.from(position, 'utf8').toString('base64url');
export const positionOf = (cursor: string): string => Buffer.from(cursor, 'base64url').toString('utf8');
