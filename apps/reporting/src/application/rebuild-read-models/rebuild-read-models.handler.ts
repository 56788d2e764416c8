import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { GenerationalReadModelStore } from '@lib/read-models';
import { Refused, SERVICE_DEPENDENCIES } from '@lib/platform';
import type { ReportingDependencies } from '../../reporting.dependencies';
import { RebuildReadModels } from './rebuild-read-models.command';
import { rebuildIntoNewGenerations } from './rebuild-into-new-generations';
import type { RebuildAnswer } from './rebuild-read-models.request.dto';

@CommandHandler(RebuildReadModels)
export class RebuildReadModelsHandler implements ICommandHandler<RebuildReadModels> {
  private running = false;

  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ReportingDependencies) {}

  async execute(): Promise<RebuildAnswer> {
    const store = this.deps.readModels;
    if (!(store instanceof GenerationalReadModelStore)) throw new Refused({ rule: 'rebuild-unavailable', reason: 'these read models are not kept in generations' });
    if (this.running) throw new Refused({ rule: 'rebuild-running', reason: 'a rebuild of the read models is running already' });
    this.running = true;
    try {
      return { rebuilt: await rebuildIntoNewGenerations(store) };
    } finally {
      this.running = false;
    }
  }
}
