import type { PlaceAccount } from './account.commands';
import type { EarlierPayment, ImportedStatus } from './import-account.decide';

/**
 * An admin imports an account from the system the agency moves from: the placement as a
 * client would place it, the day it was originally placed, the payments made since and
 * where it stands now. `now` is when the import runs; the business dates are the days given.
 */
export interface ImportAccount extends Omit<PlaceAccount, 'type'> {
  type: 'ImportAccount';
  /** YYYY-MM-DD. */
  placedOn: string;
  payments: EarlierPayment[];
  status: ImportedStatus;
}
