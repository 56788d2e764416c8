import { Decision, reject } from '@lib/es-core';
import type { CloseAccountByStaff } from './account.commands';
import type { AccountEvent, ClosingCode } from './account.events';
import type { AccountState } from './account.state';

/**
 * Who may close an account by hand, per closing code (the table in docs/client-intake.md).
 * Codes with a command or process of their own are not here: `paid-in-full` (payments),
 * `recalled` (the client's recall), `cancelled` (the agency's cancel).
 */
export const STAFF_CLOSING_ROLES: Readonly<Partial<Record<ClosingCode, readonly string[]>>> = {
  settled: ['supervisor'],
  uncollectible: ['supervisor'],
  'skip-failed': ['supervisor'],
  bankrupt: ['supervisor', 'legal'],
  deceased: ['supervisor'],
  'time-barred': ['supervisor', 'legal'],
  'disputed-upheld': ['supervisor'],
  'legal-closed': ['supervisor', 'legal'],
};

/** The command that reaches a closing code staff may not use here. */
const OWN_COMMAND: Partial<Record<ClosingCode, string>> = {
  'paid-in-full': 'payments closes an account as paid in full when its balance reaches zero',
  recalled: 'use the recall (POST /accounts/{accountId}/recall)',
  cancelled: 'use the cancel (POST /accounts/{accountId}/cancel)',
};

/** Staff close an account with a code and a reason; the role must be one that code allows. */
export function decideCloseAccountByStaff(command: CloseAccountByStaff, state: AccountState): Decision<AccountEvent> {
  if (state.status === 'none') return reject('account-unknown', 'no such account');
  const own = OWN_COMMAND[command.closingCode];
  if (own) return reject('closing-code-has-own-command', `${command.closingCode}: ${own}`);
  const roles = STAFF_CLOSING_ROLES[command.closingCode] ?? [];
  if (!roles.includes(command.requester.role)) {
    return reject('closing-code-role', `closing as ${command.closingCode} is for ${roles.join(' or ')}`, { details: { allowedRoles: roles } });
  }
  if (state.status === 'closed') return reject('account-closed', `the account is already closed (${state.closingCode})`);
  const { accountId, clientId } = state.placement;
  return [{ type: 'AccountClosed', data: { accountId, clientId, closingCode: command.closingCode, closedAt: command.now.toISOString(), reason: command.reason } }];
}
