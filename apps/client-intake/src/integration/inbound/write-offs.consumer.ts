import { WriteOffApproved } from '@lib/contracts';
import { commandOn } from '@lib/integration';
import { WriteOffBalance } from '../../application/write-off-balance/write-off-balance.command';

/** A supervisor approved a write-off in debtor contact: the balance comes down, a full write-off closes the account `written-off`. */
export const writeOffBalance = commandOn(WriteOffApproved, (data, context) => new WriteOffBalance(data, context));
