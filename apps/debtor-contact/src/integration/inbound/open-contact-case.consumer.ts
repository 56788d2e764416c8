import { AccountPlaced } from '@lib/contracts';
import { commandOn } from '@lib/integration';
import { OpenContactCase } from '../../application/open-contact-case/open-contact-case.command';

/**
 * Intake placed an account: its contact case opens, with the debtor's contacts and their
 * flags, and the first demand goes out. Not for a pre-collection account: intake sends its
 * reminders in the client's name, and the case opens when it converts to third-party.
 */
export const openContactCase = commandOn(AccountPlaced, (data, context) => {
  if (data.service === 'pre-collection') return undefined;
  const { accountId, clientId, commercial, debtor, currency, placedAmount } = data;
  return new OpenContactCase(
    {
      accountId,
      clientId,
      commercial,
      debtor: {
        kind: debtor.kind,
        legalName: debtor.legalName,
        country: debtor.country,
        ...(debtor.region ? { region: debtor.region } : {}),
        ...(debtor.taxId ? { taxId: debtor.taxId } : {}),
        addresses: debtor.addresses,
        phones: debtor.phones,
        emails: debtor.emails,
      },
      currency,
      placedAmount,
    },
    context,
  );
});
