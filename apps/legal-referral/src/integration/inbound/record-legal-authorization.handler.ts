import { LegalReferralAuthorized } from '@lib/contracts';
import { handleCommand } from '@lib/es-core';
import { on } from '@lib/integration';
import { referralDecider } from '../../domain/referral/referral.decider';
import { LegalReferralDependencies, referralStreamId } from '../../legal-referral.dependencies';
import { retryUntilOpened } from './retry-until-opened';

/** The client authorized suit through client-intake: it takes effect on a recommended case, and is recorded as ignored otherwise. */
export const recordLegalAuthorization = (deps: LegalReferralDependencies) =>
  on(LegalReferralAuthorized, async (data, context) => {
    const outcome = await handleCommand(
      deps.eventStore,
      referralDecider,
      referralStreamId(data.accountId),
      {
        type: 'RecordClientAuthorization',
        clientId: data.clientId,
        authorizedAt: data.authorizedAt,
        agreesToSuitFee: data.agreesToSuitFee,
        agreesToAdvanceCosts: data.agreesToAdvanceCosts,
      },
      context,
    );
    retryUntilOpened(data.accountId, outcome);
  });
