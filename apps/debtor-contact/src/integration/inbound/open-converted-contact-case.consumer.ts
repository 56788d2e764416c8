import { ConvertedToThirdParty } from '@lib/contracts';
import { commandOn } from '@lib/integration';
import { OpenContactCase } from '../../application/open-contact-case/open-contact-case.command';

/** A pre-collection account unpaid at its window's end became third-party: its case opens and the first demand goes out, as for a third-party placement. */
export const openConvertedContactCase = commandOn(ConvertedToThirdParty, (data, context) => {
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
