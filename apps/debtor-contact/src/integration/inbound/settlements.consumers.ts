import { AgreementVersionPublished, OnboardingAgreementPublished, OpenBalanceChanged, SettlementDecidedByClient } from '@lib/contracts';
import { commandOn } from '@lib/integration';
import { NoteAccountBalance } from '../../application/note-account-balance/note-account-balance.command';
import { NoteSettlementAuthority } from '../../application/note-settlement-authority/note-settlement-authority.command';
import { NoteSettlementClientDecision } from '../../application/note-settlement-client-decision/note-settlement-client-decision.command';

/** The client's answer to a settlement beyond its authority (docs/debtor-contact.md, "Settlements"). */
export const noteSettlementClientDecision = commandOn(SettlementDecidedByClient, (data, context) => new NoteSettlementClientDecision(data, context));

/** Each agreement version's settlement authority, kept per client. */
export const noteSettlementAuthority = commandOn(AgreementVersionPublished, (data, context) =>
  new NoteSettlementAuthority({ clientId: data.clientId, version: data.version, effectiveFrom: data.effectiveFrom, settlementAuthorityBp: data.settlementAuthorityBp }, context),
);

/** The default agreement of onboarding, as the client's version 0: its authority holds until the first negotiated version takes effect. */
export const noteOnboardingSettlementAuthority = commandOn(OnboardingAgreementPublished, (data, context) =>
  new NoteSettlementAuthority({ clientId: data.clientId, version: data.version, effectiveFrom: data.effectiveFrom, settlementAuthorityBp: data.settlementAuthorityBp }, context),
);

/** The balance after an added invoice or an adjustment: what the next settlement is figured on. */
export const noteAccountBalance = commandOn(OpenBalanceChanged, (data, context) => new NoteAccountBalance(data.accountId, { causeId: `${data.cause}-${data.causeId}`, balanceAfter: data.balanceAfter, changedAt: data.changedAt }, context));
