import { Decider, DomainEvent, reject } from '@lib/es-core';

export const APPROVAL_KINDS = ['settlement-beyond-authority', 'forced-recall', 'write-off'] as const;
export type ApprovalKind = (typeof APPROVAL_KINDS)[number];
export type ApprovalStatus = 'pending' | 'approved' | 'rejected';

/** Something waits for a supervisor's approval (settlement beyond authority, forced recall, write-off). */
export type ApprovalRequested = DomainEvent<
  'ApprovalRequested',
  { approvalId: string; kind: ApprovalKind; accountId: string; clientId: string; amount: number | null; currency: string | null; reason: string; requestedBy: string; requestedAt: string }
>;

/** A supervisor decided it (for a forced recall: the supervisor who forced it, in client intake). */
export type ApprovalDecided = DomainEvent<'ApprovalDecided', { approvalId: string; decision: 'approved' | 'rejected'; decidedBy: string; decidedAt: string; reason?: string }>;

export type ApprovalEvent = ApprovalRequested | ApprovalDecided;

export interface RequestApproval {
  type: 'RequestApproval';
  request: ApprovalRequested['data'];
  /** Set when the request arrives already decided (a recall forced by a supervisor). */
  decided?: Omit<ApprovalDecided['data'], 'approvalId'>;
}

/** A supervisor approves or rejects a pending entry (POST /approvals/{approvalId}/approve or /decline). */
export interface DecideApproval {
  type: 'DecideApproval';
  approvalId: string;
  decision: 'approved' | 'rejected';
  decidedBy: string;
  reason?: string;
  now: Date;
}

export type ApprovalCommand = RequestApproval | DecideApproval;

export type ApprovalState =
  | { status: 'none' }
  | { status: 'pending' | 'approved' | 'rejected'; request: ApprovalRequested['data'] };

/**
 * One stream per approval (`approval-<approvalId>`): requested once, decided once. The
 * same decision again (a retried request) changes nothing; the other one is refused.
 */
export const approvalDecider: Decider<ApprovalState, ApprovalCommand, ApprovalEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) =>
    event.type === 'ApprovalRequested' ? { status: 'pending', request: event.data } : state.status === 'none' ? state : { ...state, status: event.data.decision },
  decide(command, state) {
    if (command.type === 'DecideApproval') {
      if (state.status === 'none') return reject('approval-unknown', `no approval ${command.approvalId}`);
      if (state.status === command.decision) return [];
      if (state.status !== 'pending') return reject('approval-already-decided', `approval ${command.approvalId} was ${state.status}`);
      const { approvalId, decision, decidedBy, reason, now } = command;
      return [{ type: 'ApprovalDecided', data: { approvalId, decision, decidedBy, decidedAt: now.toISOString(), ...(reason ? { reason } : {}) } }];
    }
    if (state.status !== 'none') return [];
    const requested: ApprovalEvent = { type: 'ApprovalRequested', data: command.request };
    return command.decided ? [requested, { type: 'ApprovalDecided', data: { approvalId: command.request.approvalId, ...command.decided } }] : [requested];
  },
};
