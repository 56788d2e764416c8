import { Decider, Decision } from '@lib/es-core';
import { CheckPromise, NotePromisePayment, NotePromisePaymentReversal, PromiseCommand, TrackPromise } from './promise.commands';
import { PromiseBroken, PromiseEvent, PromiseKept, PromiseShare } from './promise.events';
import { graceDeadline } from './promise-terms';
import { evolvePromises, initialPromisesState, PromisesState, TrackedPromise } from './promise.state';

const kept = (accountId: string, promise: TrackedPromise, paid: number, keptAt: string): PromiseKept => ({
  type: 'PromiseKept',
  data: { accountId, clientId: promise.clientId, promiseId: promise.promiseId, amount: promise.amount, currency: promise.currency, dueDate: promise.dueDate, paid, keptAt },
});

const broken = (accountId: string, promise: TrackedPromise, paid: number, reason: PromiseBroken['data']['reason'], brokenAt: string): PromiseBroken => ({
  type: 'PromiseBroken',
  data: { accountId, clientId: promise.clientId, promiseId: promise.promiseId, amount: promise.amount, currency: promise.currency, dueDate: promise.dueDate, paid, reason, brokenAt },
});

/** A payment counts toward a promise when posted from the moment it was made until its deadline. */
const counts = (promise: Pick<TrackedPromise, 'madeAt' | 'deadline'>, postedAt: string) => Date.parse(postedAt) >= Date.parse(promise.madeAt) && Date.parse(postedAt) < Date.parse(promise.deadline);

function decideTrack(command: TrackPromise, state: PromisesState): Decision<PromiseEvent> {
  if (state.promises.some((promise) => promise.promiseId === command.promiseId)) return [];
  const deadline = graceDeadline(command.dueDate, command.graceDays);
  const counted: Array<{ paymentId: string; amount: number }> = [];
  let paid = 0;
  const waiting = state.payments.filter((payment) => !payment.reversed && payment.unallocated > 0 && counts({ madeAt: command.madeAt, deadline }, payment.postedAt));
  for (const payment of [...waiting].sort((a, b) => Date.parse(a.postedAt) - Date.parse(b.postedAt))) {
    if (paid >= command.amount) break;
    const amount = Math.min(payment.unallocated, command.amount - paid);
    counted.push({ paymentId: payment.paymentId, amount });
    paid += amount;
  }
  const { type: _type, ...promise } = command;
  const tracked: PromiseEvent = { type: 'PromiseTracked', data: { ...promise, deadline, counted } };
  if (paid < command.amount) return [tracked];
  const completing = state.payments.find((payment) => payment.paymentId === counted[counted.length - 1].paymentId)!;
  return [tracked, kept(command.accountId, { ...promise, deadline, paid, status: 'pending' }, paid, completing.postedAt)];
}

/**
 * A payment goes to the pending promises it counts for, the earliest due first, each up to
 * what is still owed on it; a promise paid up is kept at once. What is left is kept aside
 * for a promise heard later (its message may come after the payment's).
 */
function decideNotePayment(command: NotePromisePayment, state: PromisesState): Decision<PromiseEvent> {
  if (state.payments.some((payment) => payment.paymentId === command.paymentId)) return [];
  const open = state.promises
    .filter((promise) => promise.status === 'pending' && counts(promise, command.postedAt))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || Date.parse(a.madeAt) - Date.parse(b.madeAt));
  const shares: PromiseShare[] = [];
  const keptNow: PromiseKept[] = [];
  let left = command.amount;
  for (const promise of open) {
    if (left === 0) break;
    const amount = Math.min(left, promise.amount - promise.paid);
    if (amount <= 0) continue;
    shares.push({ promiseId: promise.promiseId, amount });
    left -= amount;
    if (promise.paid + amount >= promise.amount) keptNow.push(kept(command.accountId, promise, promise.paid + amount, command.postedAt));
  }
  return [{ type: 'PromisePaymentNoted', data: { accountId: command.accountId, paymentId: command.paymentId, amount: command.amount, postedAt: command.postedAt, shares } }, ...keptNow];
}

/**
 * A bounced payment takes back what it counted. A promise it had kept is broken by it: the
 * debtor did not pay what was promised (a bounced payment is the commonest broken promise).
 * A promise still pending simply owes that much again.
 */
function decideNoteReversal(command: NotePromisePaymentReversal, state: PromisesState): Decision<PromiseEvent> {
  const payment = state.payments.find((candidate) => candidate.paymentId === command.paymentId);
  if (!payment || payment.reversed) return [];
  const accountId = state.accountId!;
  const brokenNow = payment.shares.flatMap((share) => {
    const promise = state.promises.find((candidate) => candidate.promiseId === share.promiseId)!;
    return promise.status === 'kept' ? [broken(accountId, promise, promise.paid - share.amount, 'payment-reversed', command.reversedAt)] : [];
  });
  return [{ type: 'PromisePaymentReversed', data: { accountId, paymentId: command.paymentId, reversedAt: command.reversedAt, takenBack: payment.shares } }, ...brokenNow];
}

/** At the deadline a promise still pending is broken; early, kept or already broken, nothing happens. */
function decideCheck(command: CheckPromise, state: PromisesState): Decision<PromiseEvent> {
  const promise = state.promises.find((candidate) => candidate.promiseId === command.promiseId);
  if (!promise || promise.status !== 'pending' || command.now.getTime() < Date.parse(promise.deadline)) return [];
  return [broken(state.accountId!, promise, promise.paid, 'not-paid-in-time', command.now.toISOString())];
}

/** The promises to pay of one account, kept or broken by the payments heard on it (stream `promises-<accountId>`). */
export const promiseDecider: Decider<PromisesState, PromiseCommand, PromiseEvent> = {
  initialState: initialPromisesState,
  evolve: evolvePromises,
  decide(command, state) {
    switch (command.type) {
      case 'TrackPromise':
        return decideTrack(command, state);
      case 'NotePromisePayment':
        return decideNotePayment(command, state);
      case 'NotePromisePaymentReversal':
        return decideNoteReversal(command, state);
      case 'CheckPromise':
        return decideCheck(command, state);
    }
  },
};
