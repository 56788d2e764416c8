import { DebtorUpdated } from '@lib/contracts';
import { commandOn } from '@lib/integration';
import { ReplaceCaseDebtor } from '../../application/replace-case-debtor/replace-case-debtor.command';

/** Intake updated the debtor: the case's debtor (contacts and their flags) is replaced by it, as the placement set it. */
export const replaceCaseDebtor = commandOn(DebtorUpdated, ({ accountId, debtor, changed }, context) =>
  new ReplaceCaseDebtor(
    accountId,
    {
      kind: debtor.kind,
      legalName: debtor.legalName,
      country: debtor.country,
      ...(debtor.region ? { region: debtor.region } : {}),
      ...(debtor.taxId ? { taxId: debtor.taxId } : {}),
      addresses: debtor.addresses,
      phones: debtor.phones,
      emails: debtor.emails,
    },
    changed,
    context,
  ),
);
