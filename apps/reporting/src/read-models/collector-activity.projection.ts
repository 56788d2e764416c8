import { ContactAttemptRecorded, PaymentPosted, PaymentReversed, PromiseToPayMade } from '@lib/contracts';
import type { ProjectedEvent, Projection } from '@lib/read-models';
import { businessInstantOf, monthOf } from './business-calendar';

export const COLLECTOR_ACTIVITY = 'collector_activity';

/**
 * Debtor-contact's promise outcomes, by contract type. They are not in this branch's
 * contracts yet (being added beside this work): the projection already reads them under
 * these names (`accountId`, `clientId`, `promiseId`, and `keptAt` / `brokenAt`, else the
 * message's business date), so listing the contracts among the reported ones
 * (integration/inbound) is all it takes to count them.
 */
export const PROMISE_KEPT = 'PromiseKept.v1';
export const PROMISE_BROKEN = 'PromiseBroken.v1';

export interface CollectorAttempt {
  attemptId: string;
  collectorId: string;
  at: string;
  rightPartyContact: boolean;
}

export interface CollectorPromise {
  promiseId: string;
  /** Null while only its outcome has arrived (the outcome may overtake the promise). */
  collectorId: string | null;
  at: string | null;
  amount: number;
  currency: string | null;
  outcome: { kind: 'kept' | 'broken'; at: string } | null;
}

export interface CollectedPayment {
  paymentId: string;
  at: string;
  /** Allocated to the debt, minor units: over-payment credit is owed back and collects nothing. */
  collected: number;
  currency: string;
  /** Business instant of its reversal; null while it stands. */
  reversedAt: string | null;
}

/**
 * One account's collection work and what it brought in, each dated by its business date:
 * who contacted the debtor, who took which promise, and the payments. The query credits
 * each payment to a collector (`collector-performance.ts`); doing it there, not here,
 * keeps the document right whatever order contacts and payments arrive in (two topics).
 * `months` lists every month something here happened in, so a period's query reads only
 * the accounts worked or paid in it.
 */
export interface CollectorActivity {
  accountId: string;
  clientId: string;
  attempts: CollectorAttempt[];
  promises: CollectorPromise[];
  payments: CollectedPayment[];
  months: string[];
}

const withMonths = (activity: CollectorActivity, ...instants: string[]): CollectorActivity => {
  const months = new Set(activity.months);
  for (const instant of instants) months.add(monthOf(instant));
  return { ...activity, months: [...months].sort() };
};

function withPromise(activity: CollectorActivity, promiseId: string, change: (promise: CollectorPromise) => CollectorPromise): CollectorActivity {
  const known = activity.promises.find((promise) => promise.promiseId === promiseId);
  const promise = change(known ?? { promiseId, collectorId: null, at: null, amount: 0, currency: null, outcome: null });
  return { ...activity, promises: known ? activity.promises.map((p) => (p === known ? promise : p)) : [...activity.promises, promise] };
}

export const collectorActivityProjection: Projection<CollectorActivity> = {
  name: COLLECTOR_ACTIVITY,
  handles: [ContactAttemptRecorded.type, PromiseToPayMade.type, PROMISE_KEPT, PROMISE_BROKEN, PaymentPosted.type, PaymentReversed.type],
  documentIds: (event) => [event.data.accountId],
  evolve(document, event: ProjectedEvent) {
    const activity = document ?? { accountId: event.data.accountId, clientId: event.data.clientId, attempts: [], promises: [], payments: [], months: [] };
    switch (event.type) {
      case ContactAttemptRecorded.type: {
        const at = businessInstantOf(event, event.data.occurredAt);
        const attempt: CollectorAttempt = { attemptId: event.data.attemptId, collectorId: event.data.collectorId, at, rightPartyContact: event.data.rightPartyContact };
        return withMonths({ ...activity, attempts: [...activity.attempts, attempt] }, at);
      }
      case PromiseToPayMade.type: {
        const at = businessInstantOf(event, event.data.madeAt);
        const made = withPromise(activity, event.data.promiseId, (promise) => ({ ...promise, collectorId: event.data.collectorId, at, amount: event.data.amount, currency: event.data.currency }));
        return withMonths(made, at);
      }
      case PROMISE_KEPT:
      case PROMISE_BROKEN: {
        const at = businessInstantOf(event, event.data.keptAt ?? event.data.brokenAt ?? event.metadata.occurredAt);
        const kind = event.type === PROMISE_KEPT ? 'kept' : 'broken';
        return withMonths(withPromise(activity, event.data.promiseId, (promise) => ({ ...promise, outcome: { kind, at } })), at);
      }
      case PaymentPosted.type: {
        const at = businessInstantOf(event, event.data.postedAt);
        const collected = (event.data.allocations as Array<{ amount: number }>).reduce((sum, allocation) => sum + allocation.amount, 0);
        const payment: CollectedPayment = { paymentId: event.data.paymentId, at, collected, currency: event.data.currency, reversedAt: null };
        return withMonths({ ...activity, payments: [...activity.payments.filter((p) => p.paymentId !== payment.paymentId), payment] }, at);
      }
      case PaymentReversed.type: {
        const at = businessInstantOf(event, event.data.reversedAt);
        return withMonths({ ...activity, payments: activity.payments.map((p) => (p.paymentId === event.data.paymentId ? { ...p, reversedAt: at } : p)) }, at);
      }
      default:
        return document;
    }
  },
};
