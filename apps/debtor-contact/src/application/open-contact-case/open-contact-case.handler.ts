import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { ContactDependencies, contactStreamId } from '../../debtor-contact.dependencies';
import { communicationsDecider } from '../../domain/communications/communications.decider';
import { StartCadence } from '../start-cadence/start-cadence.command';
import { OpenContactCase } from './open-contact-case.command';

/**
 * The case, its first demand and the messages that carry it (queued for the dispatcher)
 * are one decision, appended once: a redelivered placement finds the case open (or its
 * own events, by causation) and adds nothing, so the demand is never sent twice and
 * never lost between two steps. The cadence starts after it: a crash in between is healed
 * by the placement's redelivery, which finds the case open and starts the cadence then.
 */
@CommandHandler(OpenContactCase)
export class OpenContactCaseHandler implements ICommandHandler<OpenContactCase> {
  constructor(
    @Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies,
    private readonly commands: CommandBus,
  ) {}

  async execute({ contactCase, context, segment }: OpenContactCase): Promise<void> {
    // The first notice carries the debtor's personal portal link where the process can sign one.
    const { firstNotice } = contactCase;
    const portalUrl = firstNotice && this.deps.personalLinks?.linkFor(contactCase.accountId);
    const opened = portalUrl && firstNotice ? { ...contactCase, firstNotice: { ...firstNotice, portalUrl } } : contactCase;
    await decideOrRefuse(this.deps.eventStore, communicationsDecider, contactStreamId(contactCase.accountId), { type: 'OpenContactCase', ...opened, now: context.now }, context);
    await this.commands.execute(new StartCadence(contactCase.accountId, segment, context));
  }
}
