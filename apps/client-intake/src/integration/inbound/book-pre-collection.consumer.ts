import { AccountPlaced } from '@lib/contracts';
import { commandOn } from '@lib/integration';
import { BookPreCollection } from '../../application/pre-collection/pre-collection.commands';

/** Intake's own pre-collection placement, back off the bus: its reminders and conversion are booked (a third-party placement books nothing). */
export const bookPreCollection = commandOn(AccountPlaced, (data, context) =>
  data.service === 'pre-collection' && data.preCollection ? new BookPreCollection(data.accountId, data.placedAt, data.preCollection, context) : undefined,
);
