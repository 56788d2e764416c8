import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { DurableScheduler } from '@lib/scheduler';
import { accountStreamId, IntakeDependencies } from '../../client-intake.dependencies';
import { accountDecider } from '../../domain/account/account.decider';
import { preCollectionWork } from '../../domain/account/pre-collection';
import { BookPreCollection, ConvertToThirdParty, SendPreCollectionReminder } from './pre-collection.commands';

/**
 * Books every reminder and the conversion of a pre-collection placement. It runs off
 * intake's own `AccountPlaced` message (store, relay, consumer offset), so a crash between
 * the placement and the bookings is healed by the redelivery: a work id's first booking stands.
 */
@CommandHandler(BookPreCollection)
export class BookPreCollectionHandler implements ICommandHandler<BookPreCollection> {
  constructor(private readonly scheduler: DurableScheduler) {}

  async execute({ accountId, placedAt, terms, context }: BookPreCollection): Promise<void> {
    for (const work of preCollectionWork(accountId, placedAt, terms)) {
      await this.scheduler.schedule(work, context.causationId, context.correlationId);
    }
  }
}

@CommandHandler(SendPreCollectionReminder)
export class SendPreCollectionReminderHandler implements ICommandHandler<SendPreCollectionReminder> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies) {}

  async execute({ accountId, day, context }: SendPreCollectionReminder): Promise<void> {
    await decideOrRefuse(this.deps.eventStore, accountDecider, accountStreamId(accountId), { type: 'SendPreCollectionReminder', day, now: context.now }, context);
  }
}

@CommandHandler(ConvertToThirdParty)
export class ConvertToThirdPartyHandler implements ICommandHandler<ConvertToThirdParty> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies) {}

  async execute({ accountId, context }: ConvertToThirdParty): Promise<void> {
    await decideOrRefuse(this.deps.eventStore, accountDecider, accountStreamId(accountId), { type: 'ConvertToThirdParty', now: context.now }, context);
  }
}
