import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { ContactDependencies, settlementsStreamId } from '../../debtor-contact.dependencies';
import { settlementDecider } from '../../domain/settlements/settlement.decider';
import { NoteSettlementClientDecision } from './note-settlement-client-decision.command';

/** Approved, the settlement stands (and is paid at once if the payments since the offer cover it); declined, it ends. */
@CommandHandler(NoteSettlementClientDecision)
export class NoteSettlementClientDecisionHandler implements ICommandHandler<NoteSettlementClientDecision> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies) {}

  async execute({ decided, context }: NoteSettlementClientDecision): Promise<void> {
    const { accountId, clientId, settlementId, decision, reason, decidedAt } = decided;
    await decideOrRefuse(this.deps.eventStore, settlementDecider, settlementsStreamId(accountId), { type: 'DecideSettlementAsClient', settlementId, clientId, decision, reason, decidedAt }, context);
  }
}
