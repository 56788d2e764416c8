import { ConvertedToThirdParty } from '@lib/contracts';
import { commandOn } from '@lib/integration';
import { OpenContactCase } from '../../application/open-contact-case/open-contact-case.command';
import { itemizationOf } from '../../domain/communications/itemization';

/** A pre-collection account unpaid at its window's end became third-party: its case opens and the first demand goes out, as for a third-party placement. */
export const openConvertedContactCase = commandOn(ConvertedToThirdParty, (data, context) => {
  const { accountId, clientId, clientReference, invoices, commercial, debtor, currency, placedAmount } = data;
  // As for a placement: the first notice goes to the first address and number the debtor may be reached at.
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
      ...(clientReference && invoices && invoices.length > 0
        ? { firstNotice: { clientReference, itemization: itemizationOf(invoices, placedAmount, currency), ...(email ? { email } : {}), ...(phone ? { phone } : {}) } }
        : {}),
    },
    context,
  );
});
