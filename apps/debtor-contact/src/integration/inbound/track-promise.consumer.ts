import { PromiseToPayMade } from '@lib/contracts';
import { commandOn } from '@lib/integration';
import { TrackPromise } from '../../application/track-promise/track-promise.command';

/** The service's own promise, heard back from `contact.cases`: followed from then on against the account's payments. */
export const trackPromise = commandOn(PromiseToPayMade, (data, context) => {
  const { accountId, clientId, promiseId, amount, currency, dueDate, madeAt } = data;
  return new TrackPromise({ accountId, clientId, promiseId, amount, currency, dueDate, madeAt }, context);
});
