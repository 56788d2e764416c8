import { Decision, reject } from '@lib/es-core';
import type { ComplianceFactCommand } from '../contact-case/contact-case.commands';
import type { ContactCaseEvent } from '../contact-case/contact-case.events';
import type { ContactCaseState } from '../contact-case/contact-case.state';

/**
 * The facts the contact rules read, recorded on the case. Each is taken on a closed case
 * too (a request to stop contact outlives a closure and binds once the case reopens); the
 * same fact again records nothing, so a retried message or request is harmless.
 */
export function decideComplianceFact(command: ComplianceFactCommand, state: ContactCaseState): Decision<ContactCaseEvent> {
  if (state.status === 'none') return reject('case-unknown', 'no contact case for this account');
  const { accountId, clientId } = state;
  const recordedAt = command.now.toISOString();
  const facts = state.compliance;
  switch (command.type) {
    case 'RecordCeaseRequest': {
      if (facts?.cease?.mode === 'all-channels' || facts?.cease?.mode === command.mode) return [];
      return [{ type: 'CeaseRequestRecorded', data: { accountId, clientId, mode: command.mode, receivedOn: command.receivedOn, recordedBy: command.recordedBy, recordedAt } }];
    }
    case 'RecordAttorneyRepresentation': {
      const known = facts?.attorney;
      const same = known && (['name', 'firm', 'phone', 'email'] as const).every((field) => known[field] === command.attorney[field]);
      if (same) return [];
      return [{ type: 'AttorneyRepresentationRecorded', data: { accountId, clientId, attorney: command.attorney, recordedBy: command.recordedBy, recordedAt } }];
    }
    case 'MarkCaseTimeBarred': {
      if (facts?.timeBarred?.expiredOn === command.expiredOn) return [];
      const { jurisdiction, expiredOn, citation, reason, noticedAt } = command;
      return [{ type: 'CaseTimeBarred', data: { accountId, clientId, jurisdiction, expiredOn, citation, reason, noticedAt } }];
    }
  }
}
