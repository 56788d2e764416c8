import { DisputeOpened, DisputeResolved } from '@lib/contracts';
import type { CommandContext } from '@lib/es-core';
import { commandOn } from '@lib/integration';
import { ClearDispute, NoteDispute } from '../../application/note-collection-work/note-collection-work.commands';

/**
 * The message's context under a causation of its own. These commands run alongside
 * others on the same message (the webhook, the upheld dispute's `AdjustBalance`), and the
 * consumer dedupes by causation per stream: under the message's own id, the dispute event
 * on the account would make the adjustment that follows it on the same stream read as a
 * redelivery and be skipped. A redelivered message still finds its dispute event by this
 * causation.
 */
const ownCausation = (context: CommandContext): CommandContext => ({ ...context, causationId: `${context.causationId}/dispute-standing` });

/** A dispute debtor contact opened: the account's standing has it open (recall refused, time-barred closing held). */
export const noteDispute = commandOn(DisputeOpened, (d, context) => new NoteDispute(d.accountId, { disputeId: d.disputeId, openedAt: d.openedAt }, ownCausation(context)));

/** A dispute debtor contact resolved, upheld or rejected: no longer open on the account's standing. */
export const clearDispute = commandOn(DisputeResolved, (d, context) =>
  new ClearDispute(d.accountId, { disputeId: d.disputeId, outcome: d.outcome, resolvedAt: d.resolvedAt }, ownCausation(context)),
);
