import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { ContactDependencies, contactStreamId } from '../../debtor-contact.dependencies';
import { holdsDecider } from '../../domain/holds/holds.decider';
import { DischargeBankruptcy } from './discharge-bankruptcy.command';
import type { BankruptcyDischargedAnswer } from './discharge-bankruptcy.request.dto';

/** Recorded here and published (`BankruptcyDischarged.v1`); intake closes the account as bankrupt when it hears it. */
@CommandHandler(DischargeBankruptcy)
export class DischargeBankruptcyHandler implements ICommandHandler<DischargeBankruptcy> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies) {}

  async execute({ accountId, request, context }: DischargeBankruptcy): Promise<BankruptcyDischargedAnswer> {
    const { events } = await decideOrRefuse(this.deps.eventStore, holdsDecider, contactStreamId(accountId), { type: 'DischargeBankruptcy', dischargedOn: request.dischargedOn, now: context.now }, context);
    const discharged = events.find((event) => event.type === 'BankruptcyDischarged');
    if (discharged?.type !== 'BankruptcyDischarged') throw new Error(`the discharge on account ${accountId} was accepted but not recorded`);
    const { holdId, caseNumber, dischargedOn } = discharged.data;
    return { accountId, holdId, caseNumber, dischargedOn };
  }
}
