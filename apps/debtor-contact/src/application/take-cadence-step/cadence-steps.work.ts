import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { SERVICE_DEPENDENCIES } from '@lib/platform';
import { DurableScheduler } from '@lib/scheduler';
import type { ContactDependencies } from '../../debtor-contact.dependencies';
import { CADENCE_STEP, cadenceWorkContext } from '../cadence-work';
import { TakeCadenceStep } from './take-cadence-step.command';

/** Gives the service's scheduler the cadence steps, once the command bus exists (before the runtime starts the scheduler). */
@Injectable()
export class CadenceStepsWork implements OnModuleInit {
  constructor(
    private readonly commands: CommandBus,
    @Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies,
    private readonly scheduler: DurableScheduler,
  ) {}

  onModuleInit(): void {
    this.scheduler.on(CADENCE_STEP, async (work, firedAt) => {
      const { accountId, index, epoch } = work.payload;
      await this.commands.execute(new TakeCadenceStep(String(accountId), Number(index), Number(epoch), cadenceWorkContext(work, firedAt, this.deps.newId)));
    });
  }
}
