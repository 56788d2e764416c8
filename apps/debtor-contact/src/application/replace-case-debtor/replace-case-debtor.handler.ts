import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { ContactDependencies, contactStreamId } from '../../debtor-contact.dependencies';
import { contactCaseDecider } from '../../domain/contact-case/contact-case.decider';
import { ReplaceCaseDebtor } from './replace-case-debtor.command';

@CommandHandler(ReplaceCaseDebtor)
export class ReplaceCaseDebtorHandler implements ICommandHandler<ReplaceCaseDebtor> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies) {}

  async execute({ accountId, debtor, changed, context }: ReplaceCaseDebtor): Promise<void> {
    await decideOrRefuse(this.deps.eventStore, contactCaseDecider, contactStreamId(accountId), { type: 'ReplaceCaseDebtor', debtor, changed, now: context.now }, context);
  }
}
