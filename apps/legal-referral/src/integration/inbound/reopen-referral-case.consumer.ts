import { AccountReopened } from '@lib/contracts';
import { commandOn } from '@lib/integration';
import { ReopenReferralCase } from '../../application/reopen-referral-case/reopen-referral-case.command';

/** A reopened account is back in the legal pipeline, with a review booked 45 days on. */
export const reopenReferralCase = commandOn(AccountReopened, (data, context) =>
  new ReopenReferralCase(
    data.accountId,
    { previousClosingCode: data.previousClosingCode, reason: data.reason, paymentId: data.paymentId ?? null, balance: data.balance, reopenedAt: data.reopenedAt },
    context,
  ),
);
