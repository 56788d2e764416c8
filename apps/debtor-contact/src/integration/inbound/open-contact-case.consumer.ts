import { AccountPlaced } from '@lib/contracts';
import { commandOn } from '@lib/integration';
import { OpenContactCase } from '../../application/open-contact-case/open-contact-case.command';
import { itemizationOf } from '../../domain/communications/itemization';

/** Intake placed an account: its contact case opens and the first demand goes out. */
export const openContactCase = commandOn(AccountPlaced, (data, context) => {
  const { accountId, clientId, clientReference, commercial, debtor, invoices, currency, placedAmount } = data;
  return new OpenContactCase(
    {
      accountId,
      clientId,
      commercial,
      debtor: { kind: debtor.kind, legalName: debtor.legalName, country: debtor.country, ...(debtor.region ? { region: debtor.region } : {}) },
      currency,
      placedAmount,
      firstNotice: {
        clientReference,
        itemization: itemizationOf(invoices, placedAmount, currency),
        ...(debtor.email ? { email: debtor.email } : {}),
        ...(debtor.phone ? { phone: debtor.phone } : {}),
      },
    },
    context,
  );
});
