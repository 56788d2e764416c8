import { AccountHoldLifted, AccountHoldPlaced } from '@lib/contracts';
import { commandOn } from '@lib/integration';
import { ApplyCadenceHold } from '../../application/apply-cadence-hold/apply-cadence-hold.command';

/**
 * Debtor contact hears back its own hold messages to pause and resume the account's
 * cadence: durable (a crash between the hold and the pause heals on redelivery) and
 * idempotent per hold. A dispute of listed invoices stops no contact (docs/debtor-contact.md),
 * so it pauses no cadence either.
 */
export const pauseCadenceOnHold = commandOn(AccountHoldPlaced, (data, context) =>
  data.invoices && data.invoices.length > 0 ? undefined : new ApplyCadenceHold(data.accountId, data.holdId, 'placed', data.placedAt, context),
);

/** Lifting a hold resumes the cadence once no other hold stands (the cadence counts them). */
export const resumeCadenceOnLift = commandOn(AccountHoldLifted, (data, context) => new ApplyCadenceHold(data.accountId, data.holdId, 'lifted', data.liftedAt, context));
