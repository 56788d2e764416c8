import type { DurableScheduler } from '@lib/scheduler';
import { AccountReopened } from '@lib/contracts';
import { on } from '@lib/integration';
import { handleReferralCommand } from '../../application/review-for-legal/legal-review.runner';
import { LegalReferralDependencies } from '../../legal-referral.dependencies';
import { retryUntilOpened } from './retry-until-opened';

/**
 * A reopened account is back in the legal pipeline. Its closure cancelled its reviews, so
 * the legal review workflow books one 45 days on, or the account could never reach legal
 * again. A redelivery books the same work id again, whose first booking stands.
 */
export const reopenReferralCase = (deps: LegalReferralDependencies, scheduler: DurableScheduler) =>
  on(AccountReopened, async (data, context) => {
    const outcome = await handleReferralCommand(
      deps,
      scheduler,
      data.accountId,
      {
        type: 'ReopenReferralCase',
        previousClosingCode: data.previousClosingCode,
        reason: data.reason,
        paymentId: data.paymentId ?? null,
        balance: data.balance,
        reopenedAt: data.reopenedAt,
      },
      context,
    );
    retryUntilOpened(data.accountId, outcome);
  });
