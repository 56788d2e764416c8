import { AccountClosed } from '@lib/contracts';
import { commandOn } from '@lib/integration';
import { CloseReferralCase } from '../../application/close-referral-case/close-referral-case.command';

/** A closed account leaves the legal pipeline, and its booked reviews are cancelled. */
export const closeReferralCase = commandOn(AccountClosed, (data, context) => new CloseReferralCase(data.accountId, { closingCode: data.closingCode, closedAt: data.closedAt }, context));
