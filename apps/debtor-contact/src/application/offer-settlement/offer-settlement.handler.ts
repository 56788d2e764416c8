import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { aggregateStream } from '@lib/es-core';
import { decideOrRefuse, recordingRefusals, SERVICE_DEPENDENCIES } from '@lib/platform';
import { approvalStreamId, ContactDependencies, contactStreamId, settlementAuthorityStreamId, settlementsStreamId } from '../../debtor-contact.dependencies';
import { contactCaseDecider } from '../../domain/contact-case/contact-case.decider';
import type { CaseForSettlement } from '../../domain/settlements/settlement.commands';
import { settlementDecider } from '../../domain/settlements/settlement.decider';
import { authorityInForce, settlementAuthorityDecider } from '../../domain/settlements/settlement-authority';
import { approvalDecider } from '../../domain/work-queue/approval.decider';
import { contactRefusalTarget } from '../contact-refusals';
import { OfferSettlement } from './offer-settlement.command';
import type { SettlementAnswer } from './offer-settlement.request.dto';

const percent = (bp: number) => `${(bp / 100).toFixed(2)}%`;

/**
 * The offer is decided on the account's settlements stream from the case (open, its
 * currency) and the client's authority in force now. Beyond authority it goes on the
 * supervisors' approval queue, under the settlement's own id.
 */
@CommandHandler(OfferSettlement)
export class OfferSettlementHandler implements ICommandHandler<OfferSettlement> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies) {}

  /** A refused offer leaves its record on the account's compliance stream. */
  execute({ accountId, request, context }: OfferSettlement): Promise<SettlementAnswer> {
    return recordingRefusals(this.deps.eventStore, contactRefusalTarget(accountId, 'OfferSettlement'), context, () => this.offer(accountId, request, context));
  }

  private async offer(accountId: string, request: OfferSettlement['request'], context: OfferSettlement['context']): Promise<SettlementAnswer> {
    const store = this.deps.eventStore;
    const { state } = await aggregateStream(store, contactCaseDecider, contactStreamId(accountId));
    const contactCase: CaseForSettlement =
      state.status === 'none' ? { status: 'none', clientId: '', currency: '', placedAmount: 0 } : { status: state.status, clientId: state.clientId, currency: state.currency, placedAmount: state.placedAmount, reopenedAt: state.lastReopening?.reopenedAt };
    const authority = contactCase.clientId ? (await aggregateStream(store, settlementAuthorityDecider, settlementAuthorityStreamId(contactCase.clientId))).state : { versions: [] };
    const { events } = await decideOrRefuse(
      store,
      settlementDecider,
      settlementsStreamId(accountId),
      { type: 'OfferSettlement', accountId, settlementId: this.deps.newId(), amount: request.amount, shareBp: request.shareBp, currency: request.currency, offeredBy: context.principal.id, contactCase, authorityBp: authorityInForce(authority, context.now), now: context.now },
      context,
    );
    const offered = events.find((event) => event.type === 'SettlementOffered');
    if (offered?.type !== 'SettlementOffered') throw new Error(`the settlement on account ${accountId} was accepted but not recorded`);
    const { settlementId, clientId, amount, currency, balance, shareBp, authorityBp, withinAuthority, offeredBy, offeredAt } = offered.data;
    if (!withinAuthority) {
      const reason = `settlement of ${amount} ${currency} (${percent(shareBp)} of ${balance}); authority ${authorityBp === null ? 'unknown' : percent(authorityBp)}`;
      await decideOrRefuse(
        store,
        approvalDecider,
        approvalStreamId(settlementId),
        { type: 'RequestApproval', request: { approvalId: settlementId, kind: 'settlement-beyond-authority', accountId, clientId, amount, currency, reason, requestedBy: offeredBy, requestedAt: offeredAt } },
        context,
      );
    }
    return { accountId, settlementId, amount, currency, balance, shareBp, authorityBp, withinAuthority, status: withinAuthority ? 'approved' : 'awaiting-supervisor', offeredAt };
  }
}
