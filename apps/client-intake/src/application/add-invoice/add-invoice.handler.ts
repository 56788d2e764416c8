import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { aggregateStream, isRejection } from '@lib/es-core';
import { decideOrRefuse, Refused, SERVICE_DEPENDENCIES } from '@lib/platform';
import { accountStreamId, IntakeDependencies } from '../../client-intake.dependencies';
import type { AddInvoice as AddInvoiceCommand } from '../../domain/account/account.commands';
import { accountDecider } from '../../domain/account/account.decider';
import { changeableAccount } from '../../domain/account/account-change.rules';
import { withInvoicesClaimed } from '../place-account/invoice-register';
import { AddInvoice } from './add-invoice.command';
import { AddedInvoiceAnswer, parseAddedInvoice } from './add-invoice.request.dto';

/**
 * The account decides first on what it holds, so a refusal writes nothing, not even a
 * claim; then the invoice is claimed in the register of the client's debtor (its tax id),
 * as a placement's are, so an invoice number another account of this client holds for the
 * same tax id is refused as a likely duplicate (409, with that account's id).
 */
@CommandHandler(AddInvoice)
export class AddInvoiceHandler implements ICommandHandler<AddInvoice> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies) {}

  async execute({ accountId, body, context }: AddInvoice): Promise<AddedInvoiceAnswer> {
    const streamId = accountStreamId(accountId);
    const { state } = await aggregateStream(this.deps.eventStore, accountDecider, streamId);
    const requester = { role: context.principal.role, id: context.principal.id };
    const account = changeableAccount(requester, state);
    if (isRejection(account)) throw new Refused(account);
    const { currency, invoices, clientId, debtor } = account.placement;
    const invoice = parseAddedInvoice(body, { currency, invoices, balance: account.standing.balance }, context.now);
    const command: AddInvoiceCommand = { type: 'AddInvoice', requester, invoice, now: context.now };
    const dryRun = accountDecider.decide(command, state);
    if (isRejection(dryRun)) throw new Refused(dryRun);
    const claim = { clientId, taxId: debtor.taxId, accountId, invoiceNumbers: [invoice.number] };
    const decided = await withInvoicesClaimed(this.deps.eventStore, claim, context, () => decideOrRefuse(this.deps.eventStore, accountDecider, streamId, command, context));
    const after = decided.state;
    return { accountId, invoiceNumber: invoice.number, balance: after.status === 'none' ? 0 : after.standing.balance };
  }
}
