import { AccountReopened } from '@lib/contracts';
import { commandOn } from '@lib/integration';
import { ReopenContactCase } from '../../application/reopen-contact-case/reopen-contact-case.command';

/**
 * Intake reopened the account it had closed (a payment bounced): the case opens again and
 * collectors may work it. An account this service never opened has nothing to reopen; that
 * refusal is dropped, not retried, as for a closure.
 */
export const reopenContactCase = commandOn(AccountReopened, (data, context) => new ReopenContactCase(data.accountId, data.reason, context));
