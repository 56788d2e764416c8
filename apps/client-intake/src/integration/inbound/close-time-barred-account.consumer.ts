import { AccountTimeBarred } from '@lib/contracts';
import { commandOn } from '@lib/integration';
import { CloseTimeBarredAccount } from '../../application/close-time-barred-account/close-time-barred-account.command';

/** Legal referral found the account past its statute of limitations: it closes `time-barred` when nothing else is open. */
export const closeTimeBarredAccount = commandOn(AccountTimeBarred, (data, context) => new CloseTimeBarredAccount(data.accountId, data.expiredOn, data.reason, context));
