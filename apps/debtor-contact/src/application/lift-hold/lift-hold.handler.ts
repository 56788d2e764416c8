import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { DurableScheduler } from '@lib/scheduler';
import { ContactDependencies, contactStreamId } from '../../debtor-contact.dependencies';
import { holdsDecider } from '../../domain/holds/holds.decider';
import { holdEndWorkId } from '../end-hold/hold-end.work';
import { LiftHold } from './lift-hold.command';
import type { HoldLiftedAnswer } from './lift-hold.request.dto';

@CommandHandler(LiftHold)
export class LiftHoldHandler implements ICommandHandler<LiftHold> {
  constructor(
    @Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies,
    private readonly scheduler: DurableScheduler,
  ) {}

  async execute({ accountId, holdId, request, context }: LiftHold): Promise<HoldLiftedAnswer> {
    const { events } = await decideOrRefuse(this.deps.eventStore, holdsDecider, contactStreamId(accountId), { type: 'LiftHold', holdId, reason: request.reason, now: context.now }, context);
    const lifted = events.find((event) => event.type === 'AccountHoldLifted');
    if (lifted?.type !== 'AccountHoldLifted') throw new Error(`the lifting of hold ${holdId} was accepted but not recorded`);
    // A hold lifted before its end date needs no ending any more.
    await this.scheduler.cancel(holdEndWorkId(holdId), context.causationId);
    return { accountId, holdId, kind: lifted.data.kind, liftedAt: lifted.data.liftedAt };
  }
}
