import { DecideApprovalController } from './decide-approval/decide-approval.http.controller';
import { DecideApprovalHandler } from './decide-approval/decide-approval.handler';
import { GetSettlementsController } from './get-settlements/get-settlements.http.controller';
import { GetSettlementsHandler } from './get-settlements/get-settlements.handler';
import { NoteAccountBalanceHandler } from './note-account-balance/note-account-balance.handler';
import { NoteSettlementAuthorityHandler } from './note-settlement-authority/note-settlement-authority.handler';
import { NoteSettlementClientDecisionHandler } from './note-settlement-client-decision/note-settlement-client-decision.handler';
import { OfferSettlementController } from './offer-settlement/offer-settlement.http.controller';
import { OfferSettlementHandler } from './offer-settlement/offer-settlement.handler';

/** Settlements and the supervisors' decisions on the approval queue (docs/debtor-contact.md, "Settlements", "Approvals"). */
export const settlementControllers = [OfferSettlementController, GetSettlementsController, DecideApprovalController];
export const settlementProviders = [OfferSettlementHandler, GetSettlementsHandler, DecideApprovalHandler, NoteSettlementClientDecisionHandler, NoteSettlementAuthorityHandler, NoteAccountBalanceHandler];
