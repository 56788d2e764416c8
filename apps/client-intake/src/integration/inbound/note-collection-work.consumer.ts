import { ContactAttemptRecorded, PaymentPosted } from '@lib/contracts';
import { commandOn, Inbound } from '@lib/integration';
import { InboundCommands, NoteContactAttempt, NotePayment } from '../../application/note-collection-work/note-collection-work.commands';

/** A payment payments posted: noted on the account for the recall rules (hold, work began, balance). */
export const notePayment = commandOn(PaymentPosted, (d, context) =>
  new NotePayment(d.accountId, { paymentId: d.paymentId, method: d.method, amount: d.amount, balanceAfter: d.balanceAfter, postedAt: d.postedAt }, context),
);

/** A contact attempt debtor contact recorded: work on the account began. */
export const noteContactAttempt = commandOn(ContactAttemptRecorded, (d, context) =>
  new NoteContactAttempt(d.accountId, { attemptId: d.attemptId, channel: d.channel, occurredAt: d.occurredAt }, context),
);

/**
 * Adds `extra` to `inbound`. The runtime keeps one handler per message type, so when
 * `inbound` already handles the type, both commands run, `extra`'s first (its effect is
 * harmless to repeat if the other fails and the message comes again).
 */
export function alongside(inbound: readonly Inbound[], extra: Inbound): Inbound[] {
  const existing = inbound.find((i) => i.contract.type === extra.contract.type);
  if (!existing?.command || !extra.command) return [...inbound, extra];
  const first = extra.command;
  const second = existing.command;
  const combined: Inbound = {
    contract: extra.contract,
    command: (data, context, message) => new InboundCommands([first(data, context, message), second(data, context, message)].filter((c): c is object => c !== undefined)),
  };
  return inbound.map((i) => (i === existing ? combined : i));
}
