import type { PromiseEvent, PromiseShare } from './promise.events';

export type PromiseStatus = 'pending' | 'kept' | 'broken';

export interface TrackedPromise {
  promiseId: string;
  clientId: string;
  amount: number;
  currency: string;
  dueDate: string;
  madeAt: string;
  deadline: string;
  /** What the account's standing payments counted toward it, minor units. */
  paid: number;
  status: PromiseStatus;
}

export interface NotedPayment {
  paymentId: string;
  amount: number;
  postedAt: string;
  /** Not yet counted toward any promise: a promise heard later may still count it. */
  unallocated: number;
  shares: PromiseShare[];
  reversed: boolean;
}

/** The promises of one account and the payments heard on it. */
export interface PromisesState {
  accountId: string | undefined;
  /** In the order they were tracked. */
  promises: TrackedPromise[];
  payments: NotedPayment[];
}

export const initialPromisesState = (): PromisesState => ({ accountId: undefined, promises: [], payments: [] });

const withPromise = (state: PromisesState, promiseId: string, change: (promise: TrackedPromise) => TrackedPromise): PromisesState => ({
  ...state,
  promises: state.promises.map((promise) => (promise.promiseId === promiseId ? change(promise) : promise)),
});

const addShares = (state: PromisesState, shares: readonly PromiseShare[], sign: 1 | -1): PromisesState =>
  shares.reduce((next, share) => withPromise(next, share.promiseId, (promise) => ({ ...promise, paid: promise.paid + sign * share.amount })), state);

export function evolvePromises(state: PromisesState, event: PromiseEvent): PromisesState {
  switch (event.type) {
    case 'PromiseTracked': {
      const { accountId, clientId, promiseId, amount, currency, dueDate, madeAt, deadline, counted } = event.data;
      const paid = counted.reduce((sum, payment) => sum + payment.amount, 0);
      const payments = state.payments.map((payment) => {
        const taken = counted.find((c) => c.paymentId === payment.paymentId);
        return taken ? { ...payment, unallocated: payment.unallocated - taken.amount, shares: [...payment.shares, { promiseId, amount: taken.amount }] } : payment;
      });
      return { accountId, payments, promises: [...state.promises, { promiseId, clientId, amount, currency, dueDate, madeAt, deadline, paid, status: 'pending' }] };
    }
    case 'PromisePaymentNoted': {
      const { accountId, paymentId, amount, postedAt, shares } = event.data;
      const counted = shares.reduce((sum, share) => sum + share.amount, 0);
      const noted: NotedPayment = { paymentId, amount, postedAt, unallocated: amount - counted, shares, reversed: false };
      return addShares({ ...state, accountId: state.accountId ?? accountId, payments: [...state.payments, noted] }, shares, 1);
    }
    case 'PromisePaymentReversed': {
      const { paymentId, takenBack } = event.data;
      const payments = state.payments.map((payment) => (payment.paymentId === paymentId ? { ...payment, reversed: true, unallocated: 0 } : payment));
      return addShares({ ...state, payments }, takenBack, -1);
    }
    case 'PromiseKept':
      return withPromise(state, event.data.promiseId, (promise) => ({ ...promise, status: 'kept' }));
    case 'PromiseBroken':
      return withPromise(state, event.data.promiseId, (promise) => ({ ...promise, status: 'broken' }));
  }
}
