import { AccountClosed, AccountPlaced, AccountReopened, InvoiceAdded, OpenBalanceChanged, PaymentPosted, PaymentReversed } from '@lib/contracts';
import type { ProjectedEvent, Projection } from '@lib/read-models';
import { businessInstantOf, monthOf } from './business-calendar';

export const RECEIVABLES = 'receivables';

/** Something the debtor owes, due on a day: an invoice (placed or added) or an upward balance adjustment. */
export interface OpenItem {
  /** The invoice number, or `adjustment-<id>` as payments names an adjustment's item. */
  number: string;
  dueDate: string;
  /** Minor units, as placed. */
  amount: number;
  /** Business instant it became owed to the agency: the placement, the addition, the adjustment. */
  openedAt: string;
}

/**
 * A change of what is owed, at its business instant. `payment` and `reversal` name the
 * invoices they came off or went back to (what payments allocated: over-payment credit is
 * never part of it); a downward `adjustment` names none and comes off the oldest open items
 * first, as payments takes it.
 */
export interface Movement {
  kind: 'payment' | 'reversal' | 'adjustment';
  /** The payment id, or the adjustment id. */
  ref: string;
  at: string;
  /** Minor units per invoice; positive reduces what is owed. Null: a downward adjustment (`amount`), or a v1 reversal (the payment's allocations, taken back). */
  allocations: Array<{ invoiceNumber: string; amount: number }> | null;
  /** Minor units taken off what is owed (negative for a reversal). */
  amount: number;
}

/** A closing or a reopening, at its business instant, in the order intake published them. */
export interface StatusChange {
  at: string;
  open: boolean;
  closingCode: string | null;
}

/**
 * One account's receivable through time, for aging (what was open on a day, and how
 * overdue) and liquidation (what was collected how long after placement). Everything is
 * kept with its business date, so an imported account ages from its original placement
 * and its earlier payments count in the months they were paid.
 */
export interface Receivable {
  accountId: string;
  clientId: string;
  currency: string | null;
  /** Business instant of the placement; null until the placement arrives (a payment may come first). */
  placedAt: string | null;
  /** `YYYY-MM` of `placedAt`: the account's liquidation cohort. */
  placedMonth: string | null;
  /** The principal placed plus every invoice added since (adjustments are no placement). */
  placedAmount: number;
  items: OpenItem[];
  movements: Movement[];
  statusChanges: StatusChange[];
}

function emptyReceivable(accountId: string, clientId: string): Receivable {
  return { accountId, clientId, currency: null, placedAt: null, placedMonth: null, placedAmount: 0, items: [], movements: [], statusChanges: [] };
}

const withMovement = (receivable: Receivable, movement: Movement): Receivable => ({ ...receivable, movements: [...receivable.movements, movement] });
const withItem = (receivable: Receivable, item: OpenItem): Receivable =>
  receivable.items.some((known) => known.number === item.number) ? receivable : { ...receivable, items: [...receivable.items, item] };

/**
 * Per account, its open items, the payments, reversals and adjustments against them and
 * its closings, each dated by its business date. Events start the document in any order
 * (a payment may overtake its placement across topics); the queries evaluate it as of a
 * day by sorting what happened by date, so arrival order does not matter.
 * An added invoice arrives twice (intake's InvoiceAdded, payments' OpenBalanceChanged):
 * only intake's carries its due date, and is taken.
 */
export const receivablesProjection: Projection<Receivable> = {
  name: RECEIVABLES,
  handles: [AccountPlaced.type, InvoiceAdded.type, OpenBalanceChanged.type, PaymentPosted.type, PaymentReversed.type, AccountClosed.type, AccountReopened.type],
  documentIds: (event) => [event.data.accountId],
  evolve(document, event: ProjectedEvent) {
    const receivable = document ?? emptyReceivable(event.data.accountId, event.data.clientId);
    switch (event.type) {
      case AccountPlaced.type: {
        const placedAt = businessInstantOf(event, event.data.placedAt);
        const placed: Receivable = { ...receivable, currency: event.data.currency, placedAt, placedMonth: monthOf(placedAt), placedAmount: receivable.placedAmount + event.data.placedAmount };
        return (event.data.invoices as Array<{ number: string; dueDate: string; originalAmount: number }>).reduce<Receivable>(
          (into, invoice) => withItem(into, { number: invoice.number, dueDate: invoice.dueDate, amount: invoice.originalAmount, openedAt: placedAt }),
          placed,
        );
      }
      case InvoiceAdded.type: {
        const invoice = event.data.invoice as { number: string; dueDate: string; originalAmount: number };
        const added = withItem(receivable, { number: invoice.number, dueDate: invoice.dueDate, amount: invoice.originalAmount, openedAt: businessInstantOf(event, event.data.addedAt) });
        return added === receivable ? receivable : { ...added, placedAmount: added.placedAmount + invoice.originalAmount };
      }
      case OpenBalanceChanged.type: {
        if (event.data.cause !== 'balance-adjusted') return receivable;
        const at = businessInstantOf(event, event.data.changedAt);
        if (event.data.amount > 0) return withItem(receivable, { number: `adjustment-${event.data.causeId}`, dueDate: at.slice(0, 10), amount: event.data.amount, openedAt: at });
        return withMovement(receivable, { kind: 'adjustment', ref: event.data.causeId, at, allocations: null, amount: -event.data.amount });
      }
      case PaymentPosted.type: {
        const allocations = event.data.allocations as Array<{ invoiceNumber: string; amount: number }>;
        const currency = receivable.currency ?? event.data.currency;
        return withMovement(
          { ...receivable, currency },
          { kind: 'payment', ref: event.data.paymentId, at: businessInstantOf(event, event.data.postedAt), allocations, amount: allocations.reduce((sum, a) => sum + a.amount, 0) },
        );
      }
      case PaymentReversed.type: {
        const allocations = event.data.allocations as Array<{ invoiceNumber: string; amount: number }> | null;
        const payment = receivable.movements.find((movement) => movement.kind === 'payment' && movement.ref === event.data.paymentId);
        const applied = allocations ? allocations.reduce((sum, a) => sum + a.amount, 0) : (payment?.amount ?? event.data.amount - (event.data.credit ?? 0));
        return withMovement(receivable, {
          kind: 'reversal',
          ref: event.data.paymentId,
          at: businessInstantOf(event, event.data.reversedAt),
          allocations: allocations ?? payment?.allocations ?? null,
          amount: -applied,
        });
      }
      case AccountClosed.type:
        return { ...receivable, statusChanges: [...receivable.statusChanges, { at: businessInstantOf(event, event.data.closedAt), open: false, closingCode: event.data.closingCode }] };
      case AccountReopened.type:
        return { ...receivable, statusChanges: [...receivable.statusChanges, { at: businessInstantOf(event, event.data.reopenedAt), open: true, closingCode: null }] };
      default:
        return document;
    }
  },
};
