import { AccountTimeBarred } from '@lib/contracts';
import { commandOn } from '@lib/integration';
import { MarkCaseTimeBarred } from '../../application/mark-case-time-barred/mark-case-time-barred.command';

/**
 * Legal referral found the account time-barred: the case records it, so the
 * time-barred-no-suit-threat rule stops letters that threaten suit. An account this service
 * never opened is answered case-unknown (dropped, not retried).
 */
export const markCaseTimeBarred = commandOn(AccountTimeBarred, (data, context) => new MarkCaseTimeBarred(data, context));
