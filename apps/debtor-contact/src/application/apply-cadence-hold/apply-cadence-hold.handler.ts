import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { DurableScheduler } from '@lib/scheduler';
import { cadenceStreamId, ContactDependencies } from '../../debtor-contact.dependencies';
import { cadenceDecider } from '../../domain/cadences/cadence.decider';
import { syncCadenceWork } from '../cadence-work';
import { ApplyCadenceHold } from './apply-cadence-hold.command';

/**
 * Pauses or resumes the cadence, then makes the scheduler agree: a pause cancels the next
 * step's work, a resumption books it at its moved time under the new epoch. Work that
 * fired before the pause was heard finds the cadence paused (or the epoch changed) and
 * takes nothing. An account without a cadence (opened before cadences) is left alone.
 */
@CommandHandler(ApplyCadenceHold)
export class ApplyCadenceHoldHandler implements ICommandHandler<ApplyCadenceHold> {
  constructor(
    @Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies,
    private readonly scheduler: DurableScheduler,
  ) {}

  async execute({ accountId, holdId, change, at, context }: ApplyCadenceHold): Promise<void> {
    const { state } = await decideOrRefuse(this.deps.eventStore, cadenceDecider, cadenceStreamId(accountId), { type: 'ApplyCadenceHold', holdId, change, at, now: context.now }, context);
    await syncCadenceWork(this.scheduler, state, context);
  }
}
