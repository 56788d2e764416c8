import { AccountPlaced } from '@lib/contracts';
import { commandOn } from '@lib/integration';
import { OpenContactCase } from '../../application/open-contact-case/open-contact-case.command';
import { caseDebtorOf, firstNoticeOf } from './published-debtor';

/**
 * Intake placed an account: its contact case opens, with the debtor's contacts and their
 * flags, and the first demand goes out. Not for a pre-collection account: intake sends its
 * reminders in the client's name, and the case opens when it converts to third-party.
 */
export const openContactCase = commandOn(AccountPlaced, (data, context) => {
  if (data.service === 'pre-collection') return undefined;
  const { accountId, clientId, clientReference, commercial, category, debtor, invoices, currency, placedAmount } = data;
  const oldestDueDate = invoices.map((invoice) => invoice.dueDate).sort()[0] ?? null;
  return new OpenContactCase(
    {
      accountId,
      clientId,
      commercial,
      debtor: caseDebtorOf(debtor),
      currency,
      placedAmount,
      firstNotice: firstNoticeOf(clientReference, invoices, placedAmount, currency, debtor),
    },
    context,
    { category, oldestDueDate },
  );
});
