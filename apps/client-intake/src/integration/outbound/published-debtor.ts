import type { AccountPlacedV2 } from '@lib/contracts';
import type { Debtor } from '../../domain/account/account.events';

/**
 * The debtor as AccountPlaced.v2, DebtorUpdated.v1 and ConvertedToThirdParty.v1 carry it:
 * the single unflagged `phone`/`email` of early placements join the lists (no consent, not barred).
 */
export function publishedDebtor(debtor: Debtor): AccountPlacedV2['debtor'] {
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
