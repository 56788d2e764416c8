import { LegalReferralAuthorized } from '@lib/contracts';
import { commandOn } from '@lib/integration';
import { RecordClientAuthorization } from '../../application/record-client-authorization/record-client-authorization.command';

/** The client authorized suit through client-intake. */
export const recordLegalAuthorization = commandOn(LegalReferralAuthorized, (data, context) =>
  new RecordClientAuthorization(
    data.accountId,
    { clientId: data.clientId, authorizedAt: data.authorizedAt, agreesToSuitFee: data.agreesToSuitFee, agreesToAdvanceCosts: data.agreesToAdvanceCosts },
    context,
  ),
);
