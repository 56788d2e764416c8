import { Decider, DomainEvent, reject } from '@lib/es-core';
import { ClientStrategies, strategiesProblem } from './contact-strategy';

/** A client's strategies and segment rules, replacing the previous definition as a whole. */
export type ContactStrategiesDefined = DomainEvent<
  'ContactStrategiesDefined',
  { clientId: string; version: number; strategies: ClientStrategies['strategies']; rules: ClientStrategies['rules']; definedBy: string; definedAt: string }
>;

export type ClientStrategiesEvent = ContactStrategiesDefined;

export interface DefineContactStrategies extends ClientStrategies {
  type: 'DefineContactStrategies';
  clientId: string;
  definedBy: string;
  now: Date;
}

/** The client's current definition (version 0: none yet, the defaults apply). */
export interface ClientStrategiesState extends ClientStrategies {
  version: number;
}

/** One stream per client (`strategies-<clientId>`): each definition is a new version; accounts keep the strategy chosen when their case opened. */
export const clientStrategiesDecider: Decider<ClientStrategiesState, DefineContactStrategies, ClientStrategiesEvent> = {
  initialState: () => ({ version: 0, strategies: [], rules: [] }),
  evolve: (_state, event) => ({ version: event.data.version, strategies: event.data.strategies, rules: event.data.rules }),
  decide(command, state) {
    const problem = strategiesProblem(command);
    if (problem) return reject(problem.rule, problem.reason);
    const { clientId, strategies, rules, definedBy, now } = command;
    return [{ type: 'ContactStrategiesDefined', data: { clientId, version: state.version + 1, strategies, rules, definedBy, definedAt: now.toISOString() } }];
  },
};
