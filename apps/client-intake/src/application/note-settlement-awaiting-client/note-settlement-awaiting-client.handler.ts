import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { IntakeDependencies, settlementsStreamId } from '../../client-intake.dependencies';
import { clientSettlementsDecider } from '../../domain/settlement/client-settlements.decider';
import { NoteSettlementAwaitingClient } from './note-settlement-awaiting-client.command';

/** From now on the client sees it (GET /accounts/{accountId}/settlements) and may approve or decline it. */
@CommandHandler(NoteSettlementAwaitingClient)
export class NoteSettlementAwaitingClientHandler implements ICommandHandler<NoteSettlementAwaitingClient> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies) {}

  async execute({ request, context }: NoteSettlementAwaitingClient): Promise<void> {
    const { accountId, clientId, settlementId, amount, currency, balance, shareBp, authorityBp, requestedAt } = request;
    await decideOrRefuse(
      this.deps.eventStore,
      clientSettlementsDecider,
      settlementsStreamId(accountId),
      { type: 'NoteSettlementAwaitingClient', request: { accountId, clientId, settlementId, amount, currency, balance, shareBp, authorityBp, requestedAt } },
      context,
    );
  }
}
