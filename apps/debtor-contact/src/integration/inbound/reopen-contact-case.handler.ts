import { handleCommand } from '@lib/es-core';
import { AccountReopened } from '@lib/contracts';
import { on } from '@lib/integration';
import { contactCaseDecider } from '../../domain/contact-case/contact-case.decider';
import { ContactDependencies, contactStreamId } from '../../debtor-contact.dependencies';

/**
 * Intake reopened the account it had closed (a payment bounced): the case opens again and
 * collectors may work it. An account this service never opened has nothing to reopen; that
 * refusal is dropped, not retried, as for a closure.
 */
export const reopenContactCase = (deps: ContactDependencies) =>
  on(AccountReopened, async (data, context) => {
    await handleCommand(deps.eventStore, contactCaseDecider, contactStreamId(data.accountId), { type: 'ReopenContactCase', reason: data.reason, now: context.now }, context);
  });
