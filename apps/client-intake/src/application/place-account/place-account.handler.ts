import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { nameBasedId } from '@lib/es-core';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { accountStreamId, IntakeDependencies } from '../../client-intake.dependencies';
import { accountDecider } from '../../domain/account/account.decider';
import { PlaceAccount } from './place-account.command';
import { parsePlacement, PlacementAnswer } from './place-account.request.dto';

/**
 * The account id follows from (client, client reference), so a second placement of a
 * reference meets the existing stream and is refused (409 client-reference-unique),
 * atomically, by the event store; a retry whose answer was lost meets its own placement.
 */
@CommandHandler(PlaceAccount)
export class PlaceAccountHandler implements ICommandHandler<PlaceAccount> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies) {}

  async execute({ body, context }: PlaceAccount): Promise<PlacementAnswer> {
    const { clientReference, commercial, debtor, invoices } = parsePlacement(body, context.now);
    const clientId = context.principal.id;
    const accountId = nameBasedId(`placement:${clientId}`, clientReference);
    await decideOrRefuse(
      this.deps.eventStore,
      accountDecider,
      accountStreamId(accountId),
      { type: 'PlaceAccount', accountId, clientId, clientReference, commercial, debtor: { ...debtor }, invoices: invoices.map((invoice) => ({ ...invoice })), now: context.now },
      context,
    );
    return { accountId, clientReference, status: 'acknowledged' };
  }
}
