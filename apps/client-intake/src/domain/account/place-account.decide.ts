import { Decision, reject } from '@lib/es-core';
import type { PlaceAccount } from './account.commands';
import type { AccountEvent, Invoice } from './account.events';
import type { AccountState } from './account.state';
import { windowEndOf } from './pre-collection';

export interface FieldProblem {
  field: string;
  reason: string;
  /** The business rule a problem breaks, where a rule (not the field's form) refuses it. */
  rule?: string;
}

/** An invoice is placed for collection only once it fell due (docs/domain.md, Placement). */
export const INVOICE_NOT_YET_DUE = 'invoice-not-yet-due';

const DAY_MS = 86_400_000;
/** Default rate plan (docs/domain.md, Money): 25% if placed within 365 days of the oldest due date, 33% after. */
export const YOUNG_ACCOUNT_RATE_BP = 2_500;
export const AGED_ACCOUNT_RATE_BP = 3_300;

/** What the rules across a placement's fields look at; an invoice may lack a field that was refused on its own. */
export interface PlacementFacts {
  invoices: ReadonlyArray<Partial<Invoice>>;
  /** Owed beside the principal, minor units; a bucket absent (or refused on its own) counts as none. */
  interest?: number;
  fees?: number;
  costs?: number;
  now: Date;
}

const BUCKETS = ['interest', 'fees', 'costs'] as const;

/**
 * Rules the shape validation of the request cannot see: dates that contradict each
 * other, invoices not yet due, one currency per account, no duplicate invoice numbers,
 * buckets that are whole non-negative minor units, a total (principal and every bucket)
 * that stays a safe integer (the `int` of AccountPlaced). Every problem is listed. Each rule looks
 * only at the fields an invoice has, so the API can run them on what of a refused request
 * parsed and list these problems with the others in one answer.
 */
export function placementProblems(facts: PlacementFacts): FieldProblem[] {
  const { invoices, now } = facts;
  const problems: FieldProblem[] = [];
  // The placement's calendar day in UTC: the instant is all a command carries.
  const today = now.toISOString().slice(0, 10);
  for (const bucket of BUCKETS) {
    const amount = facts[bucket];
    if (amount !== undefined && (!Number.isSafeInteger(amount) || amount < 0)) problems.push({ field: bucket, reason: `${bucket} must be a whole number of minor units, 0 or more` });
  }
  const currencies = new Set(invoices.flatMap((i) => (i.currency === undefined ? [] : [i.currency])));
  if (currencies.size > 1) problems.push({ field: 'invoices', reason: `all invoices must share one currency, got ${[...currencies].join(', ')}` });
  // Summed in floating point the total only grows, so a true total above the limit never sums below it.
  const principal = invoices.reduce((sum, i) => sum + (i.originalAmount ?? 0), 0);
  if (principal > Number.MAX_SAFE_INTEGER) {
    problems.push({ field: 'invoices', reason: `the invoices total more than ${Number.MAX_SAFE_INTEGER} minor units` });
  } else if (principal + BUCKETS.reduce((sum, bucket) => sum + Math.max(0, facts[bucket] ?? 0), 0) > Number.MAX_SAFE_INTEGER) {
    problems.push({ field: 'invoices', reason: `the invoices, interest, fees and costs total more than ${Number.MAX_SAFE_INTEGER} minor units` });
  }
  const numbers = new Set<string>();
  invoices.forEach((invoice, index) => {
    if (invoice.number !== undefined) {
      if (numbers.has(invoice.number)) problems.push({ field: `invoices.${index}.number`, reason: `duplicate invoice number ${invoice.number}` });
      numbers.add(invoice.number);
    }
    // YYYY-MM-DD strings (the request admits no other form) compare in calendar order.
    if (invoice.issueDate !== undefined && invoice.dueDate !== undefined && invoice.dueDate < invoice.issueDate) {
      problems.push({ field: `invoices.${index}.dueDate`, reason: 'must not be before issueDate' });
    }
    if (invoice.dueDate !== undefined && invoice.dueDate > today) {
      problems.push({ field: `invoices.${index}.dueDate`, rule: INVOICE_NOT_YET_DUE, reason: `invoice ${invoice.number ?? index} is not yet due: it falls due ${invoice.dueDate}, after the placement date ${today}` });
    }
    if (invoice.issueDate !== undefined && new Date(invoice.issueDate).getTime() > now.getTime()) {
      problems.push({ field: `invoices.${index}.issueDate`, reason: 'must not be in the future' });
    }
  });
  return problems;
}

export function decidePlaceAccount(command: PlaceAccount, state: AccountState): Decision<AccountEvent> {
  if (state.status !== 'none') {
    return reject('client-reference-unique', `client reference ${command.clientReference} is already placed`);
  }
  const problems = placementProblems(command);
  if (problems.length > 0) return reject('placement-invalid', 'the placement has invalid fields', { details: { problems } });

  const preCollection = command.service === 'pre-collection' ? command.preCollectionTerms : undefined;
  if (command.service === 'pre-collection' && !preCollection) {
    return reject('pre-collection-not-agreed', "the client's agreement in force sets no pre-collection terms: the account can only be placed for third-party collection");
  }
  const principal = command.invoices.reduce((sum, i) => sum + i.originalAmount, 0);
  const oldestDue = command.invoices.map((i) => new Date(i.dueDate).getTime()).reduce((a, b) => Math.min(a, b));
  const ageDays = Math.floor((command.now.getTime() - oldestDue) / DAY_MS);
  return [
    {
      type: 'AccountPlaced',
      data: {
        accountId: command.accountId,
        clientId: command.clientId,
        clientReference: command.clientReference,
        commercial: command.commercial,
        debtor: command.debtor,
        invoices: command.invoices,
        currency: command.invoices[0].currency,
        placedAmount: principal,
        placedAt: command.now.toISOString(),
        commissionRateBp: ageDays < 365 ? YOUNG_ACCOUNT_RATE_BP : AGED_ACCOUNT_RATE_BP,
        category: command.category ?? 'standard',
        buckets: { principal, interest: command.interest ?? 0, fees: command.fees ?? 0, costs: command.costs ?? 0 },
        ...(command.claimType ? { claimType: command.claimType } : {}),
        ...(preCollection
          ? {
              service: 'pre-collection' as const,
              preCollection: {
                agreementVersion: preCollection.agreementVersion,
                windowEndsAt: windowEndOf(command.now, preCollection.windowDays).toISOString(),
                reminderDays: [...preCollection.reminderDays],
                flatFee: preCollection.flatFee,
              },
            }
          : {}),
      },
    },
  ];
}
