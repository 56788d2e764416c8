import { AccountClosed } from '@lib/contracts';
import { commandOn } from '@lib/integration';
import { CloseContactCase } from '../../application/close-contact-case/close-contact-case.command';

/**
 * Intake closed the account: the case closes and no contact is allowed after. An account
 * this service never opened has nothing to close; that refusal is dropped, not retried.
 */
export const closeContactCase = commandOn(AccountClosed, (data, context) => new CloseContactCase(data.accountId, data.closingCode, context));
