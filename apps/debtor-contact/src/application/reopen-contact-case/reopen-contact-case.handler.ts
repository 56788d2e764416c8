import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { ContactDependencies, contactStreamId } from '../../debtor-contact.dependencies';
import { contactCaseDecider } from '../../domain/contact-case/contact-case.decider';
import { ReopenContactCase } from './reopen-contact-case.command';

/** Collectors may work the case again. A case this service never opened is refused (case-unknown), as a closure is. */
@CommandHandler(ReopenContactCase)
export class ReopenContactCaseHandler implements ICommandHandler<ReopenContactCase> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies) {}

  async execute({ accountId, reason, context }: ReopenContactCase): Promise<void> {
    await decideOrRefuse(this.deps.eventStore, contactCaseDecider, contactStreamId(accountId), { type: 'ReopenContactCase', reason, now: context.now }, context);
  }
}
