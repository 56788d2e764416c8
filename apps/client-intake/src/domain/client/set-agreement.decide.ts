import { Decision, reject } from '@lib/es-core';
import type { SetAgreement } from './client.commands';
import type { ClientEvent } from './client.events';
import type { ClientState } from './client.state';

/**
 * The next agreement version. A change never rewrites the past: it may not take effect
 * before now (payments already computed under the version in force would change) nor
 * before or at the latest version's start (that version would be cut short after the
 * fact, or two versions would start together).
 */
export function decideSetAgreement(command: SetAgreement, state: ClientState): Decision<ClientEvent> {
  if (state.status !== 'onboarded') return reject('client-unknown', `client ${command.clientId} is not onboarded`);
  const effectiveFrom = command.effectiveFrom.toISOString();
  if (command.effectiveFrom.getTime() < command.now.getTime()) {
    return reject('agreement-effective-in-past', `an agreement version cannot take effect in the past (${effectiveFrom} is before now, ${command.now.toISOString()})`, {
      details: { problems: [{ field: 'effectiveFrom', reason: 'must not be before now' }] },
    });
  }
  const latest = state.versions[state.versions.length - 1];
  if (latest && effectiveFrom <= latest.effectiveFrom) {
    return reject('agreement-effective-before-latest', `version ${latest.version} takes effect ${latest.effectiveFrom}; a new version must take effect after it, got ${effectiveFrom}`, {
      details: { latestVersion: latest.version, latestEffectiveFrom: latest.effectiveFrom, problems: [{ field: 'effectiveFrom', reason: `must be after ${latest.effectiveFrom}` }] },
    });
  }
  return [
    {
      type: 'AgreementVersionSet',
      data: { clientId: command.clientId, version: (latest?.version ?? 0) + 1, effectiveFrom, recordedAt: command.now.toISOString(), terms: command.terms },
    },
  ];
}
