import { Decision, DomainEvent, nameBasedId, reject } from '@lib/es-core';
import type { EarlierPayment, ImportAccount } from './import-account.commands';
import type { AccountEvent, ClosingCode } from './account.events';
import type { AccountState } from './account.state';
import { decidePlaceAccount, FieldProblem } from './place-account.decide';
import type { EarlierPaymentImported } from './import-account.events';

/** A business date of an import (a `YYYY-MM-DD` day) as the instant its events stand for: the start of that day, UTC. */
export const businessInstant = (day: string): Date => new Date(`${day}T00:00:00.000Z`);

/** The id payments posts an imported payment under: the same for every import of the account's payment at `index`. */
export const importedPaymentId = (accountId: string, index: number): string => nameBasedId(`migrated-payment:${accountId}`, String(index));

/** Every closing code (docs/domain.md): an account may have closed for any reason in the system it comes from. */
export const IMPORTABLE_CLOSING_CODES: readonly ClosingCode[] = [
  'paid-in-full',
  'settled',
  'recalled',
  'cancelled',
  'uncollectible',
  'skip-failed',
  'bankrupt',
  'deceased',
  'time-barred',
  'disputed-upheld',
  'legal-closed',
  'written-off',
];

/** What the rules across an import's dates and amounts look at (the placement's own rules are place-account's). */
export interface ImportFacts {
  placedOn: string;
  payments: ReadonlyArray<Partial<EarlierPayment>>;
  status?: Partial<{ state: string; closedOn: string }>;
  /** The invoices' principal, minor units, when every amount parsed. */
  principal?: number;
  now: Date;
}

/**
 * docs/client-intake.md, "Migration import": the original placement day is in the past
 * (that it is not before any invoice was issued or fell due is the placement's own rule,
 * run as of that day: placementProblems); every earlier payment and the
 * closure fall between that day and today, no payment after the closure; the earlier
 * payments together do not exceed the principal (payments would refuse a payment on a
 * paid account, and the import must not be acknowledged for something payments refuses).
 */
export function importProblems(facts: ImportFacts): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const today = facts.now.toISOString().slice(0, 10);
  const { placedOn } = facts;
  if (placedOn >= today) problems.push({ field: 'placedOn', rule: 'import-placed-in-past', reason: `the original placement day must be before today (${today})` });
  const closedOn = facts.status?.state === 'closed' ? facts.status.closedOn : undefined;
  if (closedOn !== undefined && (closedOn < placedOn || closedOn > today)) problems.push({ field: 'status.closedOn', reason: `must be between the original placement day ${placedOn} and today ${today}` });
  let total = 0;
  facts.payments.forEach((payment, index) => {
    total += payment.amount ?? 0;
    if (payment.paidOn === undefined) return;
    if (payment.paidOn < placedOn || payment.paidOn > today) problems.push({ field: `payments.${index}.paidOn`, reason: `must be between the original placement day ${placedOn} and today ${today}` });
    else if (closedOn !== undefined && payment.paidOn > closedOn) problems.push({ field: `payments.${index}.paidOn`, reason: `after the account was closed on ${closedOn}` });
  });
  if (facts.principal !== undefined && total > facts.principal) problems.push({ field: 'payments', rule: 'import-payments-within-principal', reason: `the earlier payments total ${total}, more than the ${facts.principal} placed` });
  return problems;
}

/**
 * Places the account as of its original day (its age, hence its commission tier, is the
 * age it had then; the invoices were due by then), then one event per earlier payment and
 * the closure when the status says closed: all in one decision, so an import is all or
 * nothing, and a second import of the reference meets the placed stream (409).
 */
export function decideImportAccount(command: ImportAccount, state: AccountState): Decision<AccountEvent> {
  const placedAt = businessInstant(command.placedOn);
  const principal = command.invoices.reduce((sum, invoice) => sum + invoice.originalAmount, 0);
  const problems = importProblems({ ...command, principal, now: command.now });
  if (state.status === 'none' && problems.length > 0) return reject('import-invalid', 'the import has invalid fields', { details: { problems } });
  const placed = decidePlaceAccount({ ...command, type: 'PlaceAccount', now: placedAt }, state);
  if (!Array.isArray(placed)) return placed;
  const { accountId, clientId } = command;
  const currency = command.invoices[0].currency;
  const importedAt = command.now.toISOString();
  const payments: EarlierPaymentImported[] = command.payments.map((payment, index) => ({
    type: 'EarlierPaymentImported',
    data: { accountId, clientId, paymentId: importedPaymentId(accountId, index), amount: payment.amount, currency, method: payment.method, paidOn: payment.paidOn, importedAt },
  }));
  const status = command.status;
  const closed: AccountEvent[] =
    status.state === 'closed' ? [{ type: 'AccountClosed', data: { accountId, clientId, closingCode: status.closingCode, closedAt: businessInstant(status.closedOn).toISOString(), reason: 'migration import' } }] : [];
  return [...placed, ...payments, ...closed];
}

/** The business date of each event an import decides: the placement's day, each payment's day, the closure's day. */
export function importEffectiveAt(command: Pick<ImportAccount, 'placedOn' | 'status'>): (event: DomainEvent) => Date | undefined {
  return (event) => {
    if (event.type === 'EarlierPaymentImported') return businessInstant((event as EarlierPaymentImported).data.paidOn);
    if (event.type === 'AccountClosed' && command.status.state === 'closed') return businessInstant(command.status.closedOn);
    return businessInstant(command.placedOn);
  };
}
