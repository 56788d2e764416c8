import { Decider, Decision, DomainEvent, reject } from '@lib/es-core';
import type { WriteOffApprovedV1, WriteOffDeclinedV1, WriteOffRequestedV1 } from '@lib/contracts';

export type WriteOffReason = WriteOffRequestedV1['reason'];

export type WriteOffRequested = DomainEvent<'WriteOffRequested', WriteOffRequestedV1>;
export type WriteOffApproved = DomainEvent<'WriteOffApproved', WriteOffApprovedV1>;
export type WriteOffDeclined = DomainEvent<'WriteOffDeclined', WriteOffDeclinedV1>;
export type WriteOffEvent = WriteOffRequested | WriteOffApproved | WriteOffDeclined;

/** What a write-off needs of the account's contact case. */
export interface CaseForWriteOff {
  status: 'none' | 'open' | 'closed';
  clientId: string;
  currency: string;
}

/** Without `amount`, the whole remaining balance. `balance` is the balance payments last reported (the placed amount before any). */
export interface RequestWriteOff {
  type: 'RequestWriteOff';
  accountId: string;
  writeOffId: string;
  amount?: number;
  currency: string;
  reason: WriteOffReason;
  note: string | null;
  requestedBy: string;
  contactCase: CaseForWriteOff;
  balance: number;
  now: Date;
}

/** A supervisor decides it from the approval queue; `balance` and `caseStatus` are as they are now. */
export interface DecideWriteOff {
  type: 'DecideWriteOff';
  writeOffId: string;
  decision: 'approved' | 'declined';
  supervisorId: string;
  reason: string | null;
  caseStatus: CaseForWriteOff['status'];
  balance: number;
  now: Date;
}

export type WriteOffCommand = RequestWriteOff | DecideWriteOff;

export interface WriteOff {
  request: WriteOffRequestedV1;
  status: 'pending' | 'approved' | 'declined';
}

/** The write-offs of one account (stream `write-offs-<accountId>`). */
export interface WriteOffsState {
  writeOffs: WriteOff[];
}

export const writeOffsStreamId = (accountId: string) => `write-offs-${accountId}`;

function decideRequest(command: RequestWriteOff, state: WriteOffsState): Decision<WriteOffEvent> {
  const { contactCase, balance, amount } = command;
  if (state.writeOffs.some((writeOff) => writeOff.request.writeOffId === command.writeOffId)) return [];
  if (contactCase.status === 'none') return reject('case-unknown', 'no contact case for this account');
  if (contactCase.status === 'closed') return reject('case-closed', 'the case is closed: there is nothing left to write off');
  const pending = state.writeOffs.find((writeOff) => writeOff.status === 'pending');
  if (pending) return reject('write-off-already-pending', `write-off ${pending.request.writeOffId} still waits for a supervisor`, { details: { writeOffId: pending.request.writeOffId } });
  if (command.currency !== contactCase.currency) return reject('write-off-currency-mismatch', `the account is in ${contactCase.currency}, the write-off in ${command.currency}`);
  if (balance <= 0) return reject('write-off-nothing-owed', 'the account owes nothing: there is nothing to write off');
  if (amount !== undefined && (!Number.isSafeInteger(amount) || amount < 1 || amount > balance)) {
    return reject('write-off-amount-above-balance', `a write-off is from 1 to ${balance} minor units (the balance), not ${amount}`, { details: { balance, amount } });
  }
  const { accountId, writeOffId, currency, reason, note, requestedBy } = command;
  return [{ type: 'WriteOffRequested', data: { accountId, clientId: contactCase.clientId, writeOffId, amount: amount ?? null, currency, balance, reason, note, requestedBy, requestedAt: command.now.toISOString() } }];
}

/**
 * Approved, the write-off is figured on the balance now: the whole of it when none was
 * named (or the amount named reaches it), else the amount, never more than is owed. The
 * same decision again changes nothing, so a retried approval completes what it began.
 */
function decideDecision(command: DecideWriteOff, state: WriteOffsState): Decision<WriteOffEvent> {
  const writeOff = state.writeOffs.find((entry) => entry.request.writeOffId === command.writeOffId);
  if (!writeOff) return reject('write-off-unknown', `no write-off ${command.writeOffId}`);
  if (writeOff.status === command.decision) return [];
  if (writeOff.status !== 'pending') return reject('write-off-already-decided', `write-off ${command.writeOffId} was ${writeOff.status}`);
  const { accountId, clientId, writeOffId, amount, currency, reason } = writeOff.request;
  const at = command.now.toISOString();
  if (command.decision === 'declined') return [{ type: 'WriteOffDeclined', data: { accountId, clientId, writeOffId, declinedBy: command.supervisorId, reason: command.reason, declinedAt: at } }];
  if (command.caseStatus === 'closed') return reject('case-closed', 'the case closed since the write-off was asked for: decline it instead');
  const full = amount === null || amount >= command.balance;
  const written = full ? Math.max(0, command.balance) : amount;
  return [{ type: 'WriteOffApproved', data: { accountId, clientId, writeOffId, writeOff: written, full, currency, reason, approvedBy: command.supervisorId, approvedAt: at } }];
}

export const writeOffDecider: Decider<WriteOffsState, WriteOffCommand, WriteOffEvent> = {
  initialState: () => ({ writeOffs: [] }),
  evolve: (state, event) => {
    if (event.type === 'WriteOffRequested') return { writeOffs: [...state.writeOffs, { request: event.data, status: 'pending' }] };
    const status = event.type === 'WriteOffApproved' ? 'approved' : 'declined';
    return { writeOffs: state.writeOffs.map((entry) => (entry.request.writeOffId === event.data.writeOffId ? { ...entry, status } : entry)) };
  },
  decide: (command, state) => (command.type === 'RequestWriteOff' ? decideRequest(command, state) : decideDecision(command, state)),
};
