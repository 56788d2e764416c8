import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { aggregateStream, nameBasedId } from '@lib/es-core';
import { decideOrRefuse, Refused, SERVICE_DEPENDENCIES } from '@lib/platform';
import { accountStreamId, clientStreamId, IntakeDependencies } from '../../client-intake.dependencies';
import { accountDecider } from '../../domain/account/account.decider';
import type { ImportedStatus } from '../../domain/account/import-account.commands';
import { importedPaymentId, importEffectiveAt } from '../../domain/account/import-account.decide';
import { clientDecider } from '../../domain/client/client.decider';
import { plainDebtor } from '../place-account/place-account.request.dto';
import { withInvoicesClaimed } from '../place-account/invoice-register';
import { ImportAccount } from './import-account.command';
import { ImportAnswer, parseImport } from './import-account.request.dto';

/**
 * The account gets the id a placement of (client, client reference) would get, so an
 * import is refused (409 client-reference-unique) once the reference is placed or
 * imported, and a client's later placement of it meets the import. Its invoices are
 * claimed in the debtor's register like a placement's. Every event is recorded now, by
 * the admin who ran the import, and carries its business date as `effectiveAt`
 * (docs/domain.md, "Business dates").
 */
@CommandHandler(ImportAccount)
export class ImportAccountHandler implements ICommandHandler<ImportAccount> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies) {}

  async execute({ body, context }: ImportAccount): Promise<ImportAnswer> {
    const request = parseImport(body, context.now);
    const { clientId, clientReference, commercial, debtor, invoices, category, interest, fees, costs, placedOn } = request;
    const { state: client } = await aggregateStream(this.deps.eventStore, clientDecider, clientStreamId(clientId));
    if (client.status !== 'onboarded') throw new Refused({ rule: 'client-unknown', reason: `no such client ${clientId}` });
    const status: ImportedStatus =
      request.status.state === 'closed' && request.status.closingCode && request.status.closedOn ? { state: 'closed', closingCode: request.status.closingCode, closedOn: request.status.closedOn } : { state: 'open' };
    const payments = (request.payments ?? []).map(({ paidOn, amount, method }) => ({ paidOn, amount, method }));
    const accountId = nameBasedId(`placement:${clientId}`, clientReference);
    const claim = { clientId, taxId: debtor.taxId, accountId, invoiceNumbers: invoices.map((invoice) => invoice.number) };
    await withInvoicesClaimed(this.deps.eventStore, claim, context, () =>
      decideOrRefuse(
        this.deps.eventStore,
        accountDecider,
        accountStreamId(accountId),
        {
          type: 'ImportAccount',
          accountId,
          clientId,
          clientReference,
          commercial,
          debtor: plainDebtor(debtor),
          invoices: invoices.map((invoice) => ({ ...invoice })),
          category,
          interest,
          fees,
          costs,
          placedOn,
          payments,
          status,
          now: context.now,
        },
        { ...context, effectiveAt: importEffectiveAt({ placedOn, status }) },
      ),
    );
    return { accountId, clientReference, placedOn, paymentIds: payments.map((_, index) => importedPaymentId(accountId, index)), status: status.state };
  }
}
