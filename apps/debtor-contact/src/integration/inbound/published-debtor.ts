import type { AccountPlacedV2 } from '@lib/contracts';
import type { FirstNoticeFacts } from '../../domain/communications/first-notice';
import { itemizationOf, PlacedInvoice } from '../../domain/communications/itemization';
import type { CaseDebtor } from '../../domain/contact-case/contact-case.events';

/** The debtor as intake publishes it: on a placement, an update and a conversion alike. */
export type PublishedDebtor = AccountPlacedV2['debtor'];

/** The case keeps the debtor as published, its contacts with their consent and do-not-contact flags. */
export function caseDebtorOf(debtor: PublishedDebtor): CaseDebtor {
  return {
    kind: debtor.kind,
    legalName: debtor.legalName,
    country: debtor.country,
    ...(debtor.region ? { region: debtor.region } : {}),
    ...(debtor.taxId ? { taxId: debtor.taxId } : {}),
    addresses: debtor.addresses,
    phones: debtor.phones,
    emails: debtor.emails,
  };
}

/** The first notice itemizes the placed invoices and goes to the first address and number the debtor may be reached at. */
export function firstNoticeOf(clientReference: string, invoices: readonly PlacedInvoice[], placedAmount: number, currency: string, debtor: PublishedDebtor): FirstNoticeFacts {
  const email = debtor.emails.find((entry) => !entry.doNotContact)?.address;
  const phone = debtor.phones.find((entry) => !entry.doNotContact)?.number;
  return { clientReference, itemization: itemizationOf(invoices, placedAmount, currency), ...(email ? { email } : {}), ...(phone ? { phone } : {}) };
}
