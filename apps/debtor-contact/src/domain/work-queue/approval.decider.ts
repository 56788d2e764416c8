import { Decider, DomainEvent } from '@lib/es-core';

export const APPROVAL_KINDS = ['settlement-beyond-authority', 'forced-recall', 'write-off'] as const;
export type ApprovalKind = (typeof APPROVAL_KINDS)[number];
export type ApprovalStatus = 'pending' | 'approved' | 'rejected';

/** Something waits for a supervisor's approval (settlement beyond authority, forced recall, write-off). */
export type ApprovalRequested = DomainEvent<
  'ApprovalRequested',
  { approvalId: string; kind: ApprovalKind; accountId: string; clientId: string; amount: number | null; currency: string | null; reason: string; requestedBy: string; requestedAt: string }
>;

/** A supervisor decided it (for a forced recall: the supervisor who forced it, in client intake). */
export type ApprovalDecided = DomainEvent<'ApprovalDecided', { approvalId: string; decision: 'approved' | 'rejected'; decidedBy: string; decidedAt: string }>;

export type ApprovalEvent = ApprovalRequested | ApprovalDecided;

export interface RequestApproval {
  type: 'RequestApproval';
  request: ApprovalRequested['data'];
  /** Set when the request arrives already decided (a recall forced by a supervisor). */
  decided?: Omit<ApprovalDecided['data'], 'approvalId'>;
}

export type ApprovalState = { status: 'none' } | { status: 'pending' | 'approved' | 'rejected' };

/** One stream per approval (`approval-<approvalId>`): requested once, decided once. */
export const approvalDecider: Decider<ApprovalState, RequestApproval, ApprovalEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve: (_state, event) => (event.type === 'ApprovalRequested' ? { status: 'pending' } : { status: event.data.decision }),
  decide(command, state) {
    if (state.status !== 'none') return [];
    const requested: ApprovalEvent = { type: 'ApprovalRequested', data: command.request };
    return command.decided ? [requested, { type: 'ApprovalDecided', data: { approvalId: command.request.approvalId, ...command.decided } }] : [requested];
  },
};
