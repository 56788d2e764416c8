import { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { WorkQueueProjector } from '../integration/read-models/work-queue.projector';
import { ApplyCadenceHoldHandler } from './apply-cadence-hold/apply-cadence-hold.handler';
import { AssignAccountController } from './assign-account/assign-account.http.controller';
import { AssignAccountHandler } from './assign-account/assign-account.handler';
import { DefineContactStrategiesController } from './define-contact-strategies/define-contact-strategies.http.controller';
import { DefineContactStrategiesHandler } from './define-contact-strategies/define-contact-strategies.handler';
import { GetApprovalsController } from './get-approvals/get-approvals.http.controller';
import { GetApprovalsHandler } from './get-approvals/get-approvals.handler';
import { GetWorkQueueController } from './get-work-queue/get-work-queue.http.controller';
import { GetWorkQueueHandler } from './get-work-queue/get-work-queue.handler';
import { NoteForcedRecallHandler } from './note-forced-recall/note-forced-recall.handler';
import { StartCadenceHandler } from './start-cadence/start-cadence.handler';
import { CadenceStepsWork } from './take-cadence-step/cadence-steps.work';
import { TakeCadenceStepHandler } from './take-cadence-step/take-cadence-step.handler';

/** Starts the read-model projector once the app is up and stops it before the app closes. */
class WorkQueueProjectorLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(private readonly projector: WorkQueueProjector) {}

  onApplicationBootstrap(): void {
    this.projector.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.projector.stop();
  }
}

/** Contact strategies (cadences), the work queue, assignments and approvals (docs/debtor-contact.md, "Contact strategies", "The work queue"): endpoints, then handlers, the scheduler's work and the projector. */
export const cadenceControllers = [DefineContactStrategiesController, AssignAccountController, GetWorkQueueController, GetApprovalsController];

export function cadenceProviders(projector: WorkQueueProjector) {
  return [
    StartCadenceHandler,
    TakeCadenceStepHandler,
    ApplyCadenceHoldHandler,
    CadenceStepsWork,
    DefineContactStrategiesHandler,
    AssignAccountHandler,
    NoteForcedRecallHandler,
    GetWorkQueueHandler,
    GetApprovalsHandler,
    { provide: WorkQueueProjector, useValue: projector },
    { provide: Symbol('work-queue-projector'), useFactory: () => new WorkQueueProjectorLifecycle(projector) },
  ];
}
