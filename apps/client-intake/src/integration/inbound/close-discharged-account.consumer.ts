import { BankruptcyDischarged } from '@lib/contracts';
import { commandOn } from '@lib/integration';
import { CloseAccount } from '../../application/close-account/close-account.command';

/** Debtor contact recorded the debtor's bankruptcy discharge: the debt is gone, the account closes as bankrupt. */
export const closeDischargedAccount = commandOn(BankruptcyDischarged, (data, context) => new CloseAccount(data.accountId, 'bankrupt', context));
