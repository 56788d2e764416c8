import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { DurableScheduler } from '@lib/scheduler';
import { ContactDependencies, contactStreamId } from '../../debtor-contact.dependencies';
import { holdsDecider } from '../../domain/holds/holds.decider';
import { bookHoldEnd } from '../end-hold/hold-end.work';
import { PlaceHold } from './place-hold.command';
import type { HoldPlacedAnswer } from './place-hold.request.dto';

/**
 * The hold stops contact at once: the contact rules read it from the case. A hold with an
 * end date has its end booked on the scheduler, which records the lifting when it comes.
 */
@CommandHandler(PlaceHold)
export class PlaceHoldHandler implements ICommandHandler<PlaceHold> {
  constructor(
    @Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies,
    private readonly scheduler: DurableScheduler,
  ) {}

  async execute({ accountId, request, context }: PlaceHold): Promise<HoldPlacedAnswer> {
    const { kind, reason, endsAt, bankruptcy } = request;
    const { events } = await decideOrRefuse(
      this.deps.eventStore,
      holdsDecider,
      contactStreamId(accountId),
      { type: 'PlaceHold', holdId: this.deps.newId(), kind, reason, endsAt: endsAt ? new Date(endsAt) : undefined, bankruptcy: bankruptcy && { ...bankruptcy }, now: context.now },
      context,
    );
    // A duplicate answers from the events the first run stored.
    const placed = events.find((event) => event.type === 'AccountHoldPlaced');
    if (placed?.type !== 'AccountHoldPlaced') throw new Error(`the hold on account ${accountId} was accepted but not recorded`);
    if (placed.data.endsAt) await bookHoldEnd(this.scheduler, accountId, placed.data.holdId, placed.data.endsAt, context.causationId);
    return { accountId, holdId: placed.data.holdId, kind: placed.data.kind, endsAt: placed.data.endsAt, placedAt: placed.data.placedAt };
  }
}
