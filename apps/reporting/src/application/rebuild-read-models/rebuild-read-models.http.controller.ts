import { Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx } from '@lib/platform';
import { RebuildReadModels } from './rebuild-read-models.command';
import { RebuildAnswer } from './rebuild-read-models.request.dto';

/**
 * An operator rebuilds the read models while reporting serves: each into a new
 * generation, switched over once caught up, so reports never grow back from empty.
 * Answers when every one has switched.
 */
@Controller('reports/read-models')
export class RebuildReadModelsController {
  constructor(private readonly commands: CommandBus) {}

  @Post('rebuild')
  @CommandEndpoint({ roles: ['admin'], tag: 'reports', status: 200, answer: RebuildAnswer, description: 'Every rebuilt read model, the generation readers now read, and how many events it took.', problems: { 409: 'A rebuild is running already (rule rebuild-running), or the read models are not kept in generations (rule rebuild-unavailable).' } })
  rebuild(@Ctx() context: CommandContext): Promise<RebuildAnswer> {
    return this.commands.execute(new RebuildReadModels(context));
  }
}
