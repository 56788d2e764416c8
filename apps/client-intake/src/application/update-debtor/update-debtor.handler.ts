import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { aggregateStream, isRejection } from '@lib/es-core';
import { decideOrRefuse, Refused, SERVICE_DEPENDENCIES } from '@lib/platform';
import { accountStreamId, IntakeDependencies } from '../../client-intake.dependencies';
import type { UpdateDebtor as UpdateDebtorCommand } from '../../domain/account/account.commands';
import { accountDecider } from '../../domain/account/account.decider';
import { invoiceRegisterDecider, taxIdKey } from '../../domain/account/invoice-register.decider';
import { invoiceRegisterStreamId, withInvoicesClaimed } from '../place-account/invoice-register';
import { UpdateDebtor } from './update-debtor.command';
import { debtorChanges, DebtorUpdatedAnswer } from './update-debtor.request.dto';

/**
 * The account decides first on what it holds, so a refusal writes nothing. A new tax id
 * names another debtor register: the account's invoices are claimed there first (a likely
 * duplicate is refused, 409, as at placement) and given back in the old one after, so the
 * duplicate check follows the debtor the client now names.
 */
@CommandHandler(UpdateDebtor)
export class UpdateDebtorHandler implements ICommandHandler<UpdateDebtor> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies) {}

  async execute({ accountId, request, context }: UpdateDebtor): Promise<DebtorUpdatedAnswer> {
    const store = this.deps.eventStore;
    const streamId = accountStreamId(accountId);
    const { state } = await aggregateStream(store, accountDecider, streamId);
    const command: UpdateDebtorCommand = { type: 'UpdateDebtor', requester: { role: context.principal.role, id: context.principal.id }, changes: debtorChanges(request), now: context.now };
    const dryRun = accountDecider.decide(command, state);
    if (isRejection(dryRun)) throw new Refused(dryRun);
    if (state.status === 'none') throw new Error(`account ${accountId} was decided on without being placed`);
    const { clientId, debtor, invoices } = state.placement;
    const invoiceNumbers = invoices.map((invoice) => invoice.number);
    const newTaxId = command.changes.taxId;
    const movesRegister = newTaxId !== undefined && (debtor.taxId === undefined || taxIdKey(newTaxId) !== taxIdKey(debtor.taxId));
    const decide = () => decideOrRefuse(store, accountDecider, streamId, command, context);
    const decided = movesRegister ? await withInvoicesClaimed(store, { clientId, taxId: newTaxId, accountId, invoiceNumbers }, context, decide) : await decide();
    if (movesRegister && debtor.taxId !== undefined) {
      const release = { type: 'ReleaseInvoices' as const, clientId, taxId: debtor.taxId, accountId, invoiceNumbers, now: context.now };
      await decideOrRefuse(store, invoiceRegisterDecider, invoiceRegisterStreamId(clientId, debtor.taxId), release, { ...context, dedupeByCausation: false });
    }
    const updated = decided.events.find((event) => event.type === 'DebtorUpdated');
    return { accountId, debtor: updated?.type === 'DebtorUpdated' ? updated.data.debtor : debtor, changed: updated?.type === 'DebtorUpdated' ? updated.data.changed : [] };
  }
}
