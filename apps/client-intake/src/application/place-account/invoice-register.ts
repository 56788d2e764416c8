import { CommandContext, nameBasedId } from '@lib/es-core';
import type { EventStore } from '@lib/event-store';
import { decideOrRefuse, Refused } from '@lib/platform';
import { invoiceRegisterDecider, taxIdKey } from '../../domain/account/invoice-register.decider';

export const invoiceRegisterStreamId = (clientId: string, taxId: string) => `invoice-register-${nameBasedId(`invoice-register:${clientId}`, taxIdKey(taxId))}`;

export interface InvoiceClaim {
  clientId: string;
  /** Without a tax id there is nothing to recognise the debtor by: no claim, no duplicate check. */
  taxId: string | undefined;
  accountId: string;
  invoiceNumbers: readonly string[];
}

/**
 * Places an account only once its invoices are claimed for it in the register of the
 * client's debtor (tax id): a likely duplicate is refused (409, with the existing account
 * id) before anything is written. The event store appends one stream at a time, so the
 * claim comes first and a refused placement gives back what it claimed. A process that
 * dies between the two appends leaves the invoices claimed for the account id its
 * placement derives from (client, reference): the client's retry of that placement finds
 * them its own and goes on; until it retries, a placement of those invoices under another
 * reference is refused naming that account id (docs/client-intake.md, Duplicates).
 */
export async function withInvoicesClaimed<T>(store: EventStore, claim: InvoiceClaim, context: CommandContext, place: () => Promise<T>): Promise<T> {
  const { taxId } = claim;
  if (taxId === undefined || claim.invoiceNumbers.length === 0) return place();
  const streamId = invoiceRegisterStreamId(claim.clientId, taxId);
  const { clientId, accountId, invoiceNumbers } = claim;
  const claimed = await decideOrRefuse(store, invoiceRegisterDecider, streamId, { type: 'ClaimInvoices', clientId, taxId, accountId, invoiceNumbers, now: context.now }, context);
  try {
    return await place();
  } catch (error) {
    // Only a refusal is known to have written nothing; after any other failure the account may be placed.
    const fresh = claimed.events.flatMap((event) => (event.type === 'InvoicesClaimed' ? event.data.invoiceNumbers : []));
    if (error instanceof Refused && fresh.length > 0) {
      await decideOrRefuse(store, invoiceRegisterDecider, streamId, { type: 'ReleaseInvoices', clientId, taxId, accountId, invoiceNumbers: fresh, now: context.now }, { ...context, dedupeByCausation: false });
    }
    throw error;
  }
}
