import type { IdentityMethod } from '../../domain/access/portal-access.events';
import type { AccountSnapshot } from '../../portal.dependencies';

const compact = (text: string) => text.toUpperCase().replace(/[^A-Z0-9]/g, '');

/**
 * Whether the answer is an invoice number of the account, or a postcode on file. Both
 * compare without case, spaces or punctuation; a US ZIP+4 matches its five-digit ZIP.
 */
export function identityMatches(account: AccountSnapshot, method: IdentityMethod, answer: string): boolean {
  const given = compact(answer);
  if (given === '') return false;
  if (method === 'invoice') return account.invoices.some((invoice) => compact(invoice.number) === given);
  return account.postalCodes.some((code) => {
    const known = compact(code);
    return known === given || (/^\d{9}$/.test(known) && known.slice(0, 5) === given) || (/^\d{9}$/.test(given) && given.slice(0, 5) === known);
  });
}
