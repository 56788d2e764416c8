import { AccountPaidInFull } from '@lib/contracts';
import { commandOn } from '@lib/integration';
import { CloseAccount } from '../../application/close-account/close-account.command';

/** Payments says the balance is zero: the account closes as paid in full. */
export const closePaidAccount = commandOn(AccountPaidInFull, (data, context) => new CloseAccount(data.accountId, 'paid-in-full', context));
