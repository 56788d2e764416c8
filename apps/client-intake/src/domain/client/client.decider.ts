import { Decider, Decision } from '@lib/es-core';
import type { ClientCommand } from './client.commands';
import type { ClientEvent } from './client.events';
import { ClientState, evolveClient, initialClientState } from './client.state';
import { decideIssueApiKey } from './issue-api-key.decide';
import { decideOnboardClient } from './onboard-client.decide';
import { decideRevokeApiKey } from './revoke-api-key.decide';
import { decideSetAgreement } from './set-agreement.decide';

function decide(command: ClientCommand, state: ClientState): Decision<ClientEvent> {
  switch (command.type) {
    case 'OnboardClient':
      return decideOnboardClient(command, state);
    case 'IssueApiKey':
      return decideIssueApiKey(command, state);
    case 'RevokeApiKey':
      return decideRevokeApiKey(command, state);
    case 'SetAgreement':
      return decideSetAgreement(command, state);
  }
}

/** One client per stream, `client-<clientId>`: its agreements and its API keys. */
export const clientDecider: Decider<ClientState, ClientCommand, ClientEvent> = {
  initialState: initialClientState,
  evolve: evolveClient,
  decide,
};
