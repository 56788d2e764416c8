import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { ContactDependencies, contactStreamId } from '../../debtor-contact.dependencies';
import { contactCaseDecider } from '../../domain/contact-case/contact-case.decider';
import { CloseContactCase } from './close-contact-case.command';

/** No contact is allowed after. A case this service never opened is refused (case-unknown): the message is answered, not retried. */
@CommandHandler(CloseContactCase)
export class CloseContactCaseHandler implements ICommandHandler<CloseContactCase> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies) {}

  async execute({ accountId, closingCode, context }: CloseContactCase): Promise<void> {
    await decideOrRefuse(this.deps.eventStore, contactCaseDecider, contactStreamId(accountId), { type: 'CloseContactCase', closingCode, now: context.now }, context);
  }
}
