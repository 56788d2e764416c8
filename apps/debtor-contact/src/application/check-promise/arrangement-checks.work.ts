import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { SERVICE_DEPENDENCIES } from '@lib/platform';
import { DurableScheduler } from '@lib/scheduler';
import type { ContactDependencies } from '../../debtor-contact.dependencies';
import { PLAN_INSTALLMENT_CHECK, PROMISE_CHECK, workContext } from '../arrangement-work';
import { CheckPlanInstallment } from '../check-plan-installment/check-plan-installment.command';
import { CheckPromise } from './check-promise.command';

/** Gives the service's scheduler its promise and installment checks, once the command bus exists (before the runtime starts the scheduler). */
@Injectable()
export class ArrangementChecksWork implements OnModuleInit {
  constructor(
    private readonly commands: CommandBus,
    @Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies,
    private readonly scheduler: DurableScheduler,
  ) {}

  onModuleInit(): void {
    this.scheduler.on(PROMISE_CHECK, async (work, firedAt) => {
      await this.commands.execute(new CheckPromise(String(work.payload.accountId), String(work.payload.promiseId), workContext(work, firedAt, this.deps.newId)));
    });
    this.scheduler.on(PLAN_INSTALLMENT_CHECK, async (work, firedAt) => {
      const { accountId, planId, number } = work.payload;
      await this.commands.execute(new CheckPlanInstallment(String(accountId), String(planId), Number(number), workContext(work, firedAt, this.deps.newId)));
    });
  }
}
