import { Decision, reject } from '@lib/es-core';
import type { OnboardClient } from './client.commands';
import type { Agreement, ClientEvent } from './client.events';
import type { ClientState } from './client.state';

/** The agency's standard terms, effective from onboarding, until the client negotiates others. */
export const defaultAgreement = (effectiveFrom: string): Agreement => ({
  effectiveFrom,
  ratePlan: 'default',
  legalRateBp: 4_000,
  remittance: 'net',
  remittancePeriod: 'monthly',
  clearedFundsHoldDays: 10,
  settlementAuthorityBp: 8_000,
});

export function decideOnboardClient(command: OnboardClient, state: ClientState): Decision<ClientEvent> {
  if (state.status !== 'none') return reject('client-exists', `client ${command.clientId} is already onboarded`);
  return [{ type: 'ClientOnboarded', data: { clientId: command.clientId, name: command.name, agreement: defaultAgreement(command.now.toISOString()) } }];
}
