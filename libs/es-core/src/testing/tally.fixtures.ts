import { Decider, reject } from '../decider';
import { DomainEvent } from '../event';

/** A tiny decider for testing the machinery around deciders: a tally with a cap. */
export type TallyEvent =
  | DomainEvent<'Added', { amount: number }>
  | DomainEvent<'AdditionRefused', { amount: number; reason: string }>;

export interface TallyState {
  total: number;
  additions: number;
}

export interface Add {
  amount: number;
  cap: number;
  /** When refused, keep the refusal on the record. */
  recordRefusal?: boolean;
}

export const tally: Decider<TallyState, Add, TallyEvent> = {
  initialState: () => ({ total: 0, additions: 0 }),
  evolve: (state, event) =>
    event.type === 'Added' ? { total: state.total + event.data.amount, additions: state.additions + 1 } : state,
  decide: (command, state) => {
    if (state.total + command.amount > command.cap) {
      const refusal: TallyEvent = { type: 'AdditionRefused', data: { amount: command.amount, reason: 'cap' } };
      return reject('tally-cap', `total would exceed ${command.cap}`, {
        recordedEvents: command.recordRefusal ? [refusal] : [],
      });
    }
    return [{ type: 'Added', data: { amount: command.amount } }];
  },
};
