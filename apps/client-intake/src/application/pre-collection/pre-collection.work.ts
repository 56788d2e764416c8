import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import { SERVICE_DEPENDENCIES } from '@lib/platform';
import { DurableScheduler, ScheduledWork } from '@lib/scheduler';
import type { IntakeDependencies } from '../../client-intake.dependencies';
import { PRE_COLLECTION_CONVERSION, PRE_COLLECTION_REMINDER } from '../../domain/account/pre-collection';
import { ConvertToThirdParty, SendPreCollectionReminder } from './pre-collection.commands';

export const PRE_COLLECTION_PRINCIPAL: Principal = { role: 'system', id: 'pre-collection-scheduler' };

/**
 * The work id is the causation and the commands dedupe by it: a crash after the reminder
 * (or conversion) but before the scheduler marks the work fired re-runs it and finds its
 * event already recorded. The deciders also send each day's reminder once.
 */
const contextOf = (work: ScheduledWork, firedAt: Date, newId: () => string) => ({
  principal: PRE_COLLECTION_PRINCIPAL,
  correlationId: work.workId,
  causationId: work.workId,
  now: firedAt,
  newId,
  dedupeByCausation: true,
});

/** Gives intake's scheduler its pre-collection work, once the command bus exists (before the runtime starts the scheduler). */
@Injectable()
export class PreCollectionWork implements OnModuleInit {
  constructor(
    private readonly commands: CommandBus,
    @Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies,
    private readonly scheduler: DurableScheduler,
  ) {}

  onModuleInit(): void {
    this.scheduler.on(PRE_COLLECTION_REMINDER, async (work, firedAt) => {
      await this.commands.execute(new SendPreCollectionReminder(String(work.payload.accountId), Number(work.payload.day), contextOf(work, firedAt, this.deps.newId)));
    });
    this.scheduler.on(PRE_COLLECTION_CONVERSION, async (work, firedAt) => {
      await this.commands.execute(new ConvertToThirdParty(String(work.payload.accountId), contextOf(work, firedAt, this.deps.newId)));
    });
  }
}
