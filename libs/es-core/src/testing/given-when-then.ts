import { Decider, isRejection } from '../decider';
import { DomainEvent } from '../event';

/**
 * Decider specs read as sentences:
 * `given(decider, [placed]).when(recall).then([recalled])` or `.thenRejects('rule-name')`.
 */
export function given<State, Command, Event extends DomainEvent>(
  decider: Decider<State, Command, Event>,
  history: readonly Event[] = [],
) {
  return {
    when(command: Command) {
      const state = history.reduce(decider.evolve, decider.initialState());
      const decision = decider.decide(command, state);
      return {
        then(expected: readonly Event[]): void {
          if (isRejection(decision)) {
            throw new Error(`expected events, got rejection ${decision.rule}: ${decision.reason}`);
          }
          expect(decision).toEqual(expected);
        },
        thenRejects(rule: string, recordedEvents?: readonly Event[]): void {
          if (!isRejection(decision)) {
            throw new Error(`expected rejection ${rule}, got events ${JSON.stringify(decision)}`);
          }
          expect(decision.rule).toBe(rule);
          if (recordedEvents) expect(decision.recordedEvents ?? []).toEqual(recordedEvents);
        },
        /** For assertions the two forms above cannot express. */
        decision,
      };
    },
  };
}
