import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { aggregateStream, CommandContext, nameBasedId } from '@lib/es-core';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { accountStreamId, clientStreamId, IntakeDependencies } from '../../client-intake.dependencies';
import { clientDecider } from '../../domain/client/client.decider';
import { preCollectionTermsAt } from '../pre-collection/pre-collection-terms';
import { accountDecider } from '../../domain/account/account.decider';
import type { AccountCommand } from '../../domain/account/account.commands';
import { InvoiceClaim, withInvoicesClaimed } from './invoice-register';
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
    const placement = placementOf(body, context);
    const { accountId, clientReference, command, claim } = placement;
    // Read only for a pre-collection placement: a third-party one needs nothing of the agreement here.
    const preCollectionTerms = placement.needsAgreement ? preCollectionTermsAt((await aggregateStream(this.deps.eventStore, clientDecider, clientStreamId(command.clientId))).state, context.now) : undefined;
    await withInvoicesClaimed(this.deps.eventStore, claim, context, () =>
      decideOrRefuse(this.deps.eventStore, accountDecider, accountStreamId(accountId), { ...command, preCollectionTerms }, context),
    );
    return { accountId, clientReference, status: 'acknowledged' };
  }
}

/** A placement request read and turned into the account's command, before anything is read or written. */
export interface Placement {
  accountId: string;
  clientReference: string;
  /** The command, without the pre-collection terms (read from the client's agreement when `needsAgreement`). */
  command: Extract<AccountCommand, { type: 'PlaceAccount' }>;
  /** A pre-collection placement: the agreement in force gives its terms. */
  needsAgreement: boolean;
  claim: InvoiceClaim;
}

/**
 * Validates the body (throws the 400 listing every problem) and derives the account id and
 * the command, as the placer `context.principal` sends it. The one reading of a placement:
 * `POST /placements` and the batch worker (which places many at once) both start here.
 */
export function placementOf(body: unknown, context: CommandContext): Placement {
  const { clientReference, commercial, debtor, invoices, category, interest, fees, costs, service, claimType } = parsePlacement(body, context.now);
  const clientId = context.principal.id;
  const accountId = nameBasedId(`placement:${clientId}`, clientReference);
  return {
    accountId,
    clientReference,
    command: { type: 'PlaceAccount', accountId, clientId, clientReference, commercial, debtor: plainDebtor(debtor), invoices: invoices.map((invoice) => ({ ...invoice })), category, interest, fees, costs, service, preCollectionTerms: undefined, claimType, now: context.now },
    needsAgreement: service === 'pre-collection',
    claim: { clientId, taxId: debtor.taxId, accountId, invoiceNumbers: invoices.map((invoice) => invoice.number) },
  };
}
