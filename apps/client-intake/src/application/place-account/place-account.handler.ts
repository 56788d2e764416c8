import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { aggregateStream, nameBasedId } from '@lib/es-core';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { accountStreamId, clientStreamId, IntakeDependencies } from '../../client-intake.dependencies';
import { clientDecider } from '../../domain/client/client.decider';
import { preCollectionTermsAt } from '../pre-collection/pre-collection-terms';
import { accountDecider } from '../../domain/account/account.decider';
import { withInvoicesClaimed } from './invoice-register';
import { PlaceAccount } from './place-account.command';
import { parsePlacement, PlacementAnswer, plainDebtor } from './place-account.request.dto';

/**
 * The account id follows from (client, client reference), so a second placement of a
 * reference meets the existing stream and is refused (409 client-reference-unique),
 * atomically, by the event store; a retry whose answer was lost meets its own placement.
 * A likely duplicate (an invoice this client already placed for the debtor's tax id) is
 * refused by the invoice register first (withInvoicesClaimed).
 */
@CommandHandler(PlaceAccount)
export class PlaceAccountHandler implements ICommandHandler<PlaceAccount> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies) {}

  async execute({ body, context }: PlaceAccount): Promise<PlacementAnswer> {
    const { clientReference, commercial, debtor, invoices, category, interest, fees, costs, service, claimType } = parsePlacement(body, context.now);
    const clientId = context.principal.id;
    const accountId = nameBasedId(`placement:${clientId}`, clientReference);
    // Read only for a pre-collection placement: a third-party one needs nothing of the agreement here.
    const preCollectionTerms = service === 'pre-collection' ? preCollectionTermsAt((await aggregateStream(this.deps.eventStore, clientDecider, clientStreamId(clientId))).state, context.now) : undefined;
    const claim = { clientId, taxId: debtor.taxId, accountId, invoiceNumbers: invoices.map((invoice) => invoice.number) };
    await withInvoicesClaimed(this.deps.eventStore, claim, context, () =>
      decideOrRefuse(
        this.deps.eventStore,
        accountDecider,
        accountStreamId(accountId),
        { type: 'PlaceAccount', accountId, clientId, clientReference, commercial, debtor: plainDebtor(debtor), invoices: invoices.map((invoice) => ({ ...invoice })), category, interest, fees, costs, service, preCollectionTerms, claimType, now: context.now },
        context,
      ),
    );
    return { accountId, clientReference, status: 'acknowledged' };
  }
}
