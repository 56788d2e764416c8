import { Decider, Decision, DomainEvent, reject } from '@lib/es-core';

/**
 * The invoices a client placed for one debtor tax id, and the account each went to: one
 * stream per (client, tax id), so every placement naming that debtor is decided on it
 * in turn (the append's expected version), and two racing placements of one invoice
 * cannot both claim it.
 */
export type InvoicesClaimed = DomainEvent<'InvoicesClaimed', { clientId: string; taxId: string; accountId: string; invoiceNumbers: string[]; claimedAt: string }>;

/** A claim given back: the placement that made it was refused after all. */
export type InvoicesReleased = DomainEvent<'InvoicesReleased', { clientId: string; taxId: string; accountId: string; invoiceNumbers: string[]; releasedAt: string }>;

export type InvoiceRegisterEvent = InvoicesClaimed | InvoicesReleased;

export interface ClaimInvoices {
  type: 'ClaimInvoices';
  clientId: string;
  /** As the client wrote it; compared in its normal form (taxIdKey). */
  taxId: string;
  accountId: string;
  invoiceNumbers: readonly string[];
  now: Date;
}

export interface ReleaseInvoices {
  type: 'ReleaseInvoices';
  clientId: string;
  taxId: string;
  accountId: string;
  invoiceNumbers: readonly string[];
  now: Date;
}

export type InvoiceRegisterCommand = ClaimInvoices | ReleaseInvoices;

/** Invoice number -> the account it was placed on. */
export type InvoiceRegisterState = ReadonlyMap<string, string>;

/** A placement refused because its invoice was already placed for this debtor by this client. */
export const LIKELY_DUPLICATE = 'placement-likely-duplicate';

/** Tax ids written with or without separators or spaces, in any case, are the same id. */
export const taxIdKey = (taxId: string): string => taxId.replace(/[\s.\-/]/g, '').toUpperCase();

function evolve(state: InvoiceRegisterState, event: InvoiceRegisterEvent): InvoiceRegisterState {
  const next = new Map(state);
  if (event.type === 'InvoicesClaimed') for (const number of event.data.invoiceNumbers) next.set(number, event.data.accountId);
  else for (const number of event.data.invoiceNumbers) if (next.get(number) === event.data.accountId) next.delete(number);
  return next;
}

function decide(command: InvoiceRegisterCommand, state: InvoiceRegisterState): Decision<InvoiceRegisterEvent> {
  const { clientId, taxId, accountId } = command;
  if (command.type === 'ReleaseInvoices') {
    const held = command.invoiceNumbers.filter((number) => state.get(number) === accountId);
    return held.length ? [{ type: 'InvoicesReleased', data: { clientId, taxId, accountId, invoiceNumbers: held, releasedAt: command.now.toISOString() } }] : [];
  }
  const duplicates = command.invoiceNumbers.flatMap((invoiceNumber) => {
    const existing = state.get(invoiceNumber);
    return existing !== undefined && existing !== accountId ? [{ invoiceNumber, accountId: existing }] : [];
  });
  if (duplicates.length > 0) {
    const [first] = duplicates;
    return reject(
      LIKELY_DUPLICATE,
      `invoice ${first.invoiceNumber} of the debtor with tax id ${taxId} was already placed by this client, on account ${first.accountId}`,
      { details: { existingAccountId: first.accountId, duplicates } },
    );
  }
  // Numbers this account already holds (a retry of the same placement) are not claimed twice.
  const fresh = command.invoiceNumbers.filter((number) => !state.has(number));
  return fresh.length ? [{ type: 'InvoicesClaimed', data: { clientId, taxId, accountId, invoiceNumbers: [...fresh], claimedAt: command.now.toISOString() } }] : [];
}

export const invoiceRegisterDecider: Decider<InvoiceRegisterState, InvoiceRegisterCommand, InvoiceRegisterEvent> = {
  initialState: () => new Map(),
  evolve,
  decide,
};
