import { handleCommand } from '@lib/es-core';
import { AccountClosed } from '@lib/contracts';
import { on } from '@lib/integration';
import { contactCaseDecider } from '../../domain/contact-case/contact-case.decider';
import { ContactDependencies, contactStreamId } from '../../debtor-contact.dependencies';

/**
 * Intake closed the account: the case closes and no contact is allowed after. An account
 * this service never opened has nothing to close; that refusal is dropped, not retried.
 */
export const closeContactCase = (deps: ContactDependencies) =>
  on(AccountClosed, async (data, context) => {
    await handleCommand(deps.eventStore, contactCaseDecider, contactStreamId(data.accountId), { type: 'CloseContactCase', closingCode: data.closingCode, now: context.now }, context);
  });
