/** A promise taken in a contact: follow it from now on, with the grace days of its account's terms. */
export interface TrackPromise {
  type: 'TrackPromise';
  accountId: string;
  clientId: string;
  promiseId: string;
  amount: number;
  currency: string;
  dueDate: string;
  madeAt: string;
  graceDays: number;
}

/** Payments posted a payment on the account. */
export interface NotePromisePayment {
  type: 'NotePromisePayment';
  accountId: string;
  paymentId: string;
  amount: number;
  postedAt: string;
}

/** Payments reversed a payment (it bounced). */
export interface NotePromisePaymentReversal {
  type: 'NotePromisePaymentReversal';
  paymentId: string;
  reversedAt: string;
}

/** The scheduler's check at a promise's deadline. */
export interface CheckPromise {
  type: 'CheckPromise';
  promiseId: string;
  now: Date;
}

export type PromiseCommand = TrackPromise | NotePromisePayment | NotePromisePaymentReversal | CheckPromise;
