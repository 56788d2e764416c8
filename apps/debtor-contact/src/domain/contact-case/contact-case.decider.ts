import { Decider, Decision, reject } from '@lib/es-core';
import { ComplianceRule } from '../compliance/compliance-rule';
import { contactComplianceRules } from '../compliance/compliance-rules';
import { CloseContactCase, ContactCaseCommand } from './contact-case.commands';
import { ContactCaseEvent } from './contact-case.events';
import { ContactCaseState, evolveContactCase, initialContactCaseState } from './contact-case.state';
import { decideOpenContactCase } from './open-contact-case.decide';
import { decideRecordContactAttempt } from './record-contact-attempt.decide';
import { decideReopenContactCase } from './reopen-contact-case.decide';
import { decideReplaceCaseDebtor } from './replace-case-debtor.decide';
import { decideComplianceFact } from '../compliance/compliance-facts.decide';

function decideCloseContactCase(command: CloseContactCase, state: ContactCaseState): Decision<ContactCaseEvent> {
  if (state.status === 'none') return reject('case-unknown', 'no contact case for this account');
  if (state.status === 'closed') return [];
  return [{ type: 'ContactCaseClosed', data: { accountId: state.accountId, clientId: state.clientId, closingCode: command.closingCode, closedAt: command.now.toISOString() } }];
}

/** One contact case per account, judged by the given contact rules. */
export function contactCaseDeciderWith(rules: readonly ComplianceRule[]): Decider<ContactCaseState, ContactCaseCommand, ContactCaseEvent> {
  return {
    initialState: initialContactCaseState,
    evolve: evolveContactCase,
    decide(command, state) {
      switch (command.type) {
        case 'OpenContactCase':
          return decideOpenContactCase(command, state);
        case 'RecordContactAttempt':
          return decideRecordContactAttempt(command, state, rules);
        case 'CloseContactCase':
          return decideCloseContactCase(command, state);
        case 'ReopenContactCase':
          return decideReopenContactCase(command, state);
        case 'ReplaceCaseDebtor':
          return decideReplaceCaseDebtor(command, state);
        case 'RecordCeaseRequest':
        case 'RecordAttorneyRepresentation':
        case 'MarkCaseTimeBarred':
          return decideComplianceFact(command, state);
      }
    },
  };
}

/** The contact case under every rule in force. */
export const contactCaseDecider = contactCaseDeciderWith(contactComplianceRules);
