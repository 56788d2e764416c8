import type { Decider } from '@lib/es-core';
import type { ContactCaseEvent } from '../contact-case/contact-case.events';
import { ContactCaseState, evolveContactCase, initialContactCaseState } from '../contact-case/contact-case.state';
import { decideDischargeBankruptcy } from './discharge-bankruptcy.decide';
import type { HoldCommand } from './holds.commands';
import { decideEndHold, decideLiftHold } from './lift-hold.decide';
import { decidePlaceHold } from './place-hold.decide';
import { decideRecordContactData, decideReportSkip } from './skip-tracing.decide';

/** Holds and skip tracing, decided on the contact case's own stream and state (the rules read the holds there). */
export const holdsDecider: Decider<ContactCaseState, HoldCommand, ContactCaseEvent> = {
  initialState: initialContactCaseState,
  evolve: evolveContactCase,
  decide(command, state) {
    switch (command.type) {
      case 'PlaceHold':
        return decidePlaceHold(command, state);
      case 'LiftHold':
        return decideLiftHold(command, state);
      case 'DischargeBankruptcy':
        return decideDischargeBankruptcy(command, state);
      case 'ReportSkip':
        return decideReportSkip(command, state);
      case 'RecordContactData':
        return decideRecordContactData(command, state);
      case 'EndHold':
        return decideEndHold(command, state);
    }
  },
};
