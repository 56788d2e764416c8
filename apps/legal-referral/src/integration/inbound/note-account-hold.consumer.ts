import { AccountHoldLifted, AccountHoldPlaced } from '@lib/contracts';
import { commandOn } from '@lib/integration';
import { NoteAccountHold } from '../../application/note-account-hold/note-account-hold.command';
import { NoteAccountHoldLift } from '../../application/note-account-hold-lift/note-account-hold-lift.command';

/** Debtor contact's holds (disputes, bankruptcy stays, ...) stand on the referral case until lifted. */
export const noteAccountHold = commandOn(AccountHoldPlaced, ({ accountId, clientId: _clientId, ...hold }, context) => new NoteAccountHold(accountId, hold, context));

export const noteAccountHoldLift = commandOn(AccountHoldLifted, ({ accountId, holdId, kind, reason, liftedAt }, context) => new NoteAccountHoldLift(accountId, { holdId, kind, reason, liftedAt }, context));
