import type { Projection } from '@lib/read-models';
import type { ApprovalKind, ApprovalStatus } from '../domain/work-queue/approval.decider';

/**
 * One entry of the supervisors' approval queue (`approvals`), from `ApprovalRequested`
 * and `ApprovalDecided` events in debtor-contact's store. Settlements and write-offs will
 * append them; forced recalls are noted from intake's `AccountRecalled.v1`, already
 * decided by the supervisor who forced them (docs/debtor-contact.md, "Approvals").
 */
export interface ApprovalDoc {
  approvalId: string;
  kind: ApprovalKind;
  accountId: string;
  clientId: string;
  /** Minor units, with its currency: the settlement offered, the amount written off or recalled. */
  amount: number | null;
  currency: string | null;
  reason: string;
  requestedBy: string;
  requestedAt: string;
  status: ApprovalStatus;
  decidedBy: string | null;
  decidedAt: string | null;
}

export const APPROVALS = 'approvals';

export const approvalsProjection: Projection<ApprovalDoc> = {
  name: APPROVALS,
  handles: ['ApprovalRequested', 'ApprovalDecided'],
  documentIds: (event) => (typeof event.data.approvalId === 'string' ? [event.data.approvalId] : []),
  evolve(document, event) {
    const data = event.data;
    if (event.type === 'ApprovalRequested') {
      return {
        approvalId: data.approvalId,
        kind: data.kind,
        accountId: data.accountId,
        clientId: data.clientId,
        amount: data.amount ?? null,
        currency: data.currency ?? null,
        reason: data.reason,
        requestedBy: data.requestedBy,
        requestedAt: data.requestedAt,
        status: document?.status ?? 'pending',
        decidedBy: document?.decidedBy ?? null,
        decidedAt: document?.decidedAt ?? null,
      };
    }
    if (!document) return null;
    return { ...document, status: data.decision, decidedBy: data.decidedBy, decidedAt: data.decidedAt };
  },
};
