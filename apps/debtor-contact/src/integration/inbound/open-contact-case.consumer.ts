import { AccountPlaced } from '@lib/contracts';
import { commandOn } from '@lib/integration';
import { OpenContactCase } from '../../application/open-contact-case/open-contact-case.command';
import { itemizationOf } from '../../domain/communications/itemization';

/**
 * Intake placed an account: its contact case opens, with the debtor's contacts and their
 * flags, and the first demand goes out. Not for a pre-collection account: intake sends its
 * reminders in the client's name, and the case opens when it converts to third-party.
 */
export const openContactCase = commandOn(AccountPlaced, (data, context) => {
  if (data.service === 'pre-collection') return undefined;
  const { accountId, clientId, clientReference, commercial, debtor, invoices, currency, placedAmount } = data;
  // The first notice goes to the first address and number the debtor may be reached at.
  const email = debtor.emails.find((entry) => !entry.doNotContact)?.address;
  const phone = debtor.phones.find((entry) => !entry.doNotContact)?.number;
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
      firstNotice: {
        clientReference,
        itemization: itemizationOf(invoices, placedAmount, currency),
        ...(email ? { email } : {}),
        ...(phone ? { phone } : {}),
      },
    },
    context,
  );
});
