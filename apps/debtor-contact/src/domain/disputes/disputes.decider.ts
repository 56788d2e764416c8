import type { Decider } from '@lib/es-core';
import type { ContactCaseEvent } from '../contact-case/contact-case.events';
import { ContactCaseState, evolveContactCase, initialContactCaseState } from '../contact-case/contact-case.state';
import type { DisputeCommand } from './disputes.commands';
import { decideOpenDispute } from './open-dispute.decide';
import { decideResolveDispute } from './resolve-dispute.decide';

/** Disputes, decided on the contact case's own stream, where their holds are read by the contact rules. */
export const disputesDecider: Decider<ContactCaseState, DisputeCommand, ContactCaseEvent> = {
  initialState: initialContactCaseState,
  evolve: evolveContactCase,
  decide(command, state) {
    switch (command.type) {
      case 'OpenDispute':
        return decideOpenDispute(command, state);
      case 'ResolveDispute':
        return decideResolveDispute(command, state);
    }
  },
};
