import { CloseSettledAccountHandler } from './close-settled-account/close-settled-account.handler';
import { DecideSettlementController } from './decide-settlement/decide-settlement.http.controller';
import { DecideSettlementHandler } from './decide-settlement/decide-settlement.handler';
import { ListSettlementsController } from './list-settlements/list-settlements.http.controller';
import { ListSettlementsHandler } from './list-settlements/list-settlements.handler';
import { NoteSettlementAwaitingClientHandler } from './note-settlement-awaiting-client/note-settlement-awaiting-client.handler';

/** Settlements beyond a client's authority, put to the client through its API, and the closing of a paid one (docs/debtor-contact.md, "Settlements"). */
export const settlementControllers = [ListSettlementsController, DecideSettlementController];
export const settlementHandlers = [ListSettlementsHandler, DecideSettlementHandler, NoteSettlementAwaitingClientHandler, CloseSettledAccountHandler];
