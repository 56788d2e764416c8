import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { ContactDependencies, contactStreamId } from '../../debtor-contact.dependencies';
import { contactCaseDecider } from '../../domain/contact-case/contact-case.decider';
import { MarkCaseTimeBarred } from './mark-case-time-barred.command';

/** The case learns the debt is time-barred: no message that threatens suit leaves after. */
@CommandHandler(MarkCaseTimeBarred)
export class MarkCaseTimeBarredHandler implements ICommandHandler<MarkCaseTimeBarred> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies) {}

  async execute({ barred, context }: MarkCaseTimeBarred): Promise<void> {
    const { accountId, jurisdiction, expiredOn, citation, reason, noticedAt } = barred;
    await decideOrRefuse(this.deps.eventStore, contactCaseDecider, contactStreamId(accountId), { type: 'MarkCaseTimeBarred', jurisdiction, expiredOn, citation, reason, noticedAt, now: context.now }, context);
  }
}
