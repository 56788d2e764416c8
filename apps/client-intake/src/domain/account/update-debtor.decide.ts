import { Decision, isRejection, reject } from '@lib/es-core';
import type { DebtorChanges, UpdateDebtor } from './account.commands';
import type { AccountEvent, Debtor } from './account.events';
import type { AccountState } from './account.state';
import { changeableAccount, changedBy } from './account-change.rules';

const FIELDS = ['legalName', 'taxId', 'addresses', 'phones', 'emails'] as const;

/**
 * The debtor after the changes: a field given replaces the one held, a list given replaces
 * the whole list. A new `phones` or `emails` list also drops the single unflagged
 * `phone`/`email` of an early placement, which would otherwise come back beside it.
 */
export function updatedDebtor(current: Debtor, changes: DebtorChanges): Debtor {
  const next: Debtor = { ...current };
  for (const field of FIELDS) if (changes[field] !== undefined) Object.assign(next, { [field]: changes[field] });
  if (changes.phones !== undefined) delete next.phone;
  if (changes.emails !== undefined) delete next.email;
  return next;
}

/** The fields whose value the changes alter; the same value again changes nothing. */
export function changedFields(current: Debtor, changes: DebtorChanges): string[] {
  return FIELDS.filter((field) => changes[field] !== undefined && JSON.stringify(changes[field]) !== JSON.stringify(current[field]));
}

/**
 * The debtor's data as the client or the agency now knows it. The event carries the
 * whole debtor, so debtor contact replaces the case's contacts and its do-not-contact
 * flags apply from then on. An update that changes nothing records nothing.
 */
export function decideUpdateDebtor(command: UpdateDebtor, state: AccountState): Decision<AccountEvent> {
  const account = changeableAccount(command.requester, state);
  if (isRejection(account)) return account;
  if (!FIELDS.some((field) => command.changes[field] !== undefined)) return reject('debtor-update-empty', `name at least one of ${FIELDS.join(', ')}`);
  const current = account.placement.debtor;
  const changed = changedFields(current, command.changes);
  if (changed.length === 0) return [];
  const { accountId, clientId } = account.placement;
  return [
    {
      type: 'DebtorUpdated',
      data: { accountId, clientId, debtor: updatedDebtor(current, command.changes), changed, updatedBy: changedBy(command.requester), updatedAt: command.now.toISOString() },
    },
  ];
}
