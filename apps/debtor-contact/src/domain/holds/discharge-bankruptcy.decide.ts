import { Decision, reject } from '@lib/es-core';
import type { ContactCaseEvent } from '../contact-case/contact-case.events';
import type { ContactCaseState } from '../contact-case/contact-case.state';
import type { DischargeBankruptcy } from './holds.commands';
import { standingBankruptcy } from './holds.state';

/**
 * A discharge ends the debt: the hold stays (no contact ever again) and the account is to
 * close as bankrupt, which intake does when it hears of it.
 */
export function decideDischargeBankruptcy(command: DischargeBankruptcy, state: ContactCaseState): Decision<ContactCaseEvent> {
  if (state.status === 'none') return reject('case-unknown', 'no contact case for this account');
  const hold = standingBankruptcy(state);
  if (!hold?.bankruptcy) return reject('no-bankruptcy-filed', 'no bankruptcy holds this account: place a bankruptcy hold with its filing first');
  if (hold.bankruptcy.dischargedOn) return reject('bankruptcy-already-discharged', `the debtor was discharged on ${hold.bankruptcy.dischargedOn}`);
  if (command.dischargedOn < hold.bankruptcy.filedOn) return reject('discharge-before-filing', `the discharge (${command.dischargedOn}) comes before the filing (${hold.bankruptcy.filedOn})`);
  if (command.dischargedOn > command.now.toISOString().slice(0, 10)) return reject('discharge-before-filing', `the discharge date ${command.dischargedOn} is in the future`);
  const { chapter, caseNumber } = hold.bankruptcy;
  return [
    {
      type: 'BankruptcyDischarged',
      data: { accountId: state.accountId, clientId: state.clientId, holdId: hold.holdId, chapter, caseNumber, dischargedOn: command.dischargedOn, recordedAt: command.now.toISOString() },
    },
  ];
}
