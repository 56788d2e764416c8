import { SettlementAwaitingClient, SettlementPaid } from '@lib/contracts';
import { commandOn } from '@lib/integration';
import { CloseSettledAccount } from '../../application/close-settled-account/close-settled-account.command';
import { NoteSettlementAwaitingClient } from '../../application/note-settlement-awaiting-client/note-settlement-awaiting-client.command';

/** A supervisor approved a settlement beyond the client's authority: it now waits for the client. */
export const noteSettlementAwaitingClient = commandOn(SettlementAwaitingClient, (data, context) => new NoteSettlementAwaitingClient(data, context));

/** An approved settlement is paid: the rest is written off and the account closes `settled`. */
export const closeSettledAccount = commandOn(SettlementPaid, (data, context) => new CloseSettledAccount(data, context));
