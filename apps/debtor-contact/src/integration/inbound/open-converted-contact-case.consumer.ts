import { ConvertedToThirdParty } from '@lib/contracts';
import { commandOn } from '@lib/integration';
import { OpenContactCase } from '../../application/open-contact-case/open-contact-case.command';
import { caseDebtorOf, firstNoticeOf } from './published-debtor';

/** A pre-collection account unpaid at its window's end became third-party: its case opens and the first demand goes out, as for a third-party placement. */
export const openConvertedContactCase = commandOn(ConvertedToThirdParty, (data, context) => {
  const { accountId, clientId, clientReference, invoices, commercial, debtor, currency, placedAmount } = data;
  return new OpenContactCase(
    {
      accountId,
      clientId,
      commercial,
      debtor: caseDebtorOf(debtor),
      currency,
      placedAmount,
      // Conversions recorded before they carried the reference and invoices open the case without the notice's messages.
      ...(clientReference && invoices && invoices.length > 0 ? { firstNotice: firstNoticeOf(clientReference, invoices, placedAmount, currency, debtor) } : {}),
    },
    context,
    { category: null, oldestDueDate: invoices?.map((invoice) => invoice.dueDate).sort()[0] ?? null },
  );
});
