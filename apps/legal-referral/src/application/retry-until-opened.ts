import { Refused } from '@lib/platform';

/**
 * The case a message is about is not open yet. Not a `Refused`: the message is not
 * answered but delivered again, since the placement that opens the case will come.
 */
export class ReferralCaseNotOpenedYet extends Error {
  constructor(readonly accountId: string) {
    super(`referral case ${accountId} is not opened yet; retrying until its placement arrives`);
    this.name = 'ReferralCaseNotOpenedYet';
  }
}

/**
 * For the commands only messages of other services ask for. Payments and intake publish on
 * different topics, so a payment (or a closing, a reopening, an authorization) can overtake
 * the placement that opens the case. `referral-unknown` then means "not yet", not "never":
 * it is thrown as an error so the bus redelivers (with back-off) instead of taking the
 * refusal as the answer; a message that never finds its case ends on the dead-letter topic.
 */
export async function retryUntilOpened<T>(accountId: string, handle: () => Promise<T>): Promise<T> {
  try {
    return await handle();
  } catch (error) {
    if (error instanceof Refused && error.rule === 'referral-unknown') throw new ReferralCaseNotOpenedYet(accountId);
    throw error;
  }
}
