import { Decision, reject } from '@lib/es-core';
import type { ContactCaseEvent } from '../contact-case/contact-case.events';
import type { ContactCaseState } from '../contact-case/contact-case.state';
import type { PlaceHold } from './holds.commands';
import { standingBankruptcy } from './holds.state';

/**
 * A hold pauses collection from now on. A bankruptcy hold is the automatic stay: it names
 * its filing and has no end date (it ends with a discharge or a dismissal); the other kinds
 * may end on a date. A closed case has nothing left to pause.
 */
export function decidePlaceHold(command: PlaceHold, state: ContactCaseState): Decision<ContactCaseEvent> {
  if (state.status === 'none') return reject('case-unknown', 'no contact case for this account');
  if (state.status === 'closed') return reject('case-closed', `the case is closed (${state.closingCode}): there is no collection to hold`);
  const { kind, bankruptcy, endsAt, now } = command;
  if (kind === 'bankruptcy' && !bankruptcy) return reject('hold-bankruptcy-filing', 'a bankruptcy hold needs its filing: chapter, case number and filing date');
  if (kind !== 'bankruptcy' && bankruptcy) return reject('hold-bankruptcy-filing', `a ${kind} hold has no bankruptcy filing`);
  if (kind === 'bankruptcy' && endsAt) return reject('hold-bankruptcy-filing', 'the automatic stay has no end date: it ends with a discharge or a dismissal (lift the hold)');
  if (endsAt && endsAt.getTime() <= now.getTime()) return reject('hold-ends-in-past', `the hold would end ${endsAt.toISOString()}, which is not after now`);
  if (bankruptcy && bankruptcy.filedOn > now.toISOString().slice(0, 10)) return reject('hold-bankruptcy-filing', `the filing date ${bankruptcy.filedOn} is in the future`);
  const standing = kind === 'bankruptcy' ? standingBankruptcy(state) : undefined;
  if (standing?.bankruptcy) return reject('bankruptcy-already-filed', `the debtor's chapter ${standing.bankruptcy.chapter} case ${standing.bankruptcy.caseNumber} already holds the account`);
  return [
    {
      type: 'AccountHoldPlaced',
      data: {
        accountId: state.accountId,
        clientId: state.clientId,
        holdId: command.holdId,
        kind,
        reason: command.reason,
        endsAt: endsAt ? endsAt.toISOString() : null,
        placedAt: now.toISOString(),
        ...(bankruptcy ? { bankruptcy } : {}),
      },
    },
  ];
}
