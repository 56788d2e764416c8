import { RecordedEvent } from '@lib/es-core';
import { BalanceAdjusted, DebtorUpdated, InvoiceAdded, PublishedDebtorV1 } from '@lib/contracts';
import { integrationMessage } from '@lib/integration';
import type { OutgoingMessage } from '@lib/message-bus';
import type { AccountEvent, Debtor } from '../../domain/account/account.events';

/**
 * The changes to a placed account in the published language. Who changed it leaves intake
 * as a role only: a staff member's id stays in intake's history and the audit trail.
 */
export function accountChangeMessages(stored: RecordedEvent<AccountEvent>): OutgoingMessage[] {
  switch (stored.type) {
    case 'InvoiceAdded': {
      const { accountId, clientId, invoice, addedBy, addedAt } = stored.data;
      return [integrationMessage(InvoiceAdded, accountId, { accountId, clientId, invoice, addedBy: addedBy.role, addedAt }, stored)];
    }
    case 'BalanceAdjusted': {
      const { accountId, clientId, adjustmentId, amount, currency, reason, adjustedBy, adjustedAt } = stored.data;
      return [integrationMessage(BalanceAdjusted, accountId, { accountId, clientId, adjustmentId, amount, currency, reason, adjustedBy: adjustedBy.role, adjustedAt }, stored)];
    }
    case 'DebtorUpdated': {
      const { accountId, clientId, debtor, changed, updatedBy, updatedAt } = stored.data;
      return [integrationMessage(DebtorUpdated, accountId, { accountId, clientId, debtor: publishedDebtor(debtor), changed, updatedBy: updatedBy.role, updatedAt }, stored)];
    }
    default:
      return [];
  }
}

/** The debtor as AccountPlaced.v2 publishes it: the single unflagged `phone`/`email` of early placements join the lists (no consent, not barred). */
export function publishedDebtor(debtor: Debtor): PublishedDebtorV1 {
  const phones = [...(debtor.phones ?? [])];
  if (debtor.phone !== undefined && !phones.some((phone) => phone.number === debtor.phone)) phones.push({ number: debtor.phone, consent: false, doNotContact: false });
  const emails = [...(debtor.emails ?? [])];
  if (debtor.email !== undefined && !emails.some((email) => email.address === debtor.email)) emails.push({ address: debtor.email, consent: false, doNotContact: false });
  return {
    kind: debtor.kind,
    legalName: debtor.legalName,
    country: debtor.country,
    ...(debtor.region !== undefined ? { region: debtor.region } : {}),
    taxId: debtor.taxId ?? null,
    addresses: debtor.addresses ?? [],
    phones,
    emails,
  };
}
