import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import { Refused, SERVICE_DEPENDENCIES } from '@lib/platform';
import { DurableScheduler, ScheduledWork, WorkHandler } from '@lib/scheduler';
import type { ContactDependencies } from '../../debtor-contact.dependencies';
import { EndHold } from './end-hold.command';

/** The kind of scheduler work that ends a hold on its end date. */
export const HOLD_END = 'hold-end';
export const holdEndWorkId = (holdId: string) => `hold-end-${holdId}`;

const HOLD_SCHEDULER: Principal = { role: 'system', id: 'hold-end-scheduler' };

/** Books the end of a hold that has an end date; the work id is per hold, so booking again keeps one. */
export async function bookHoldEnd(scheduler: DurableScheduler, accountId: string, holdId: string, endsAt: string, causationId: string): Promise<void> {
  await scheduler.schedule({ workId: holdEndWorkId(holdId), kind: HOLD_END, dueAt: endsAt, payload: { accountId, holdId } }, causationId);
}

/**
 * The end date came: the same command on the bus whoever runs it, with the work id as its
 * causation (a crash before `WorkFired` runs it again, and it finds the lifting recorded).
 */
export const scheduledHoldEnd =
  (commands: CommandBus, deps: Pick<ContactDependencies, 'newId'>): WorkHandler =>
  async (work: ScheduledWork, firedAt: Date) => {
    const context = { principal: HOLD_SCHEDULER, correlationId: work.workId, causationId: work.workId, now: firedAt, newId: deps.newId, dedupeByCausation: true };
    try {
      await commands.execute(new EndHold(String(work.payload.accountId), String(work.payload.holdId), context));
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
    }
  };

/** Gives the service's scheduler its hold-end work once the command bus exists (before the runtime starts the scheduler). */
@Injectable()
export class HoldEndWork implements OnModuleInit {
  constructor(
    private readonly commands: CommandBus,
    @Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies,
    private readonly scheduler: DurableScheduler,
  ) {}

  onModuleInit(): void {
    this.scheduler.on(HOLD_END, scheduledHoldEnd(this.commands, this.deps));
  }
}
