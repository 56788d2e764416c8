import { Decider, DomainEvent, reject } from '@lib/es-core';

/** A supervisor gave the account to a collector (`collectorId`), or back to the pool (`null`). */
export type AccountAssigned = DomainEvent<
  'AccountAssigned',
  { accountId: string; clientId: string; collectorId: string | null; previousCollectorId: string | null; assignedBy: string; assignedAt: string }
>;

export interface AssignAccount {
  type: 'AssignAccount';
  accountId: string;
  collectorId: string | null;
  assignedBy: string;
  /** What the account's contact case says now. */
  contactCase: { status: 'none' | 'open' | 'closed'; clientId: string };
  now: Date;
}

export interface AssignmentState {
  collectorId: string | null;
}

/** One stream per account (`assignment-<accountId>`): who works it. Assigning it to whom already has it records nothing. */
export const assignmentDecider: Decider<AssignmentState, AssignAccount, AccountAssigned> = {
  initialState: () => ({ collectorId: null }),
  evolve: (_state, event) => ({ collectorId: event.data.collectorId }),
  decide(command, state) {
    const { contactCase } = command;
    if (contactCase.status === 'none') return reject('case-unknown', 'no contact case for this account');
    if (contactCase.status === 'closed') return reject('case-closed', 'the case is closed: there is nothing to work');
    if (command.collectorId === state.collectorId) return [];
    return [
      {
        type: 'AccountAssigned',
        data: { accountId: command.accountId, clientId: contactCase.clientId, collectorId: command.collectorId, previousCollectorId: state.collectorId, assignedBy: command.assignedBy, assignedAt: command.now.toISOString() },
      },
    ];
  },
};
