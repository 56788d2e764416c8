import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { RunRemittance } from './run-remittance.command';
import { RemittanceRunAnswer, RunRemittanceRequest } from './run-remittance.request.dto';

/** Trust accounting remits a client's period by hand (the scheduler does it at each period's end). */
@Controller('clients/:clientId/remittances')
export class RunRemittanceController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({
    roles: ['accountant', 'admin'],
    tag: 'remittances',
    uuidParams: ['clientId'],
    answer: RemittanceRunAnswer,
    description: 'The statements issued for the period, one per currency with something due (none when nothing was).',
    problems: { 409: 'The period has not ended (rule remittance-period-not-ended) or reaches into one already remitted (rule remittance-period-already-run).', 422: 'The period ends before it starts (rule remittance-period-invalid).' },
  })
  run(@UuidParam('clientId') clientId: string, @Body() body: RunRemittanceRequest, @Ctx() context: CommandContext): Promise<RemittanceRunAnswer> {
    return this.commands.execute(new RunRemittance(clientId, body.periodStart, body.periodEnd, context));
  }
}
