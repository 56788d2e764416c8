import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody } from '@nestjs/swagger';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { SetAgreement } from './set-agreement.command';
import { AgreementVersionAnswer, SetAgreementRequest } from './set-agreement.request.dto';

/** An admin creates or changes a client's agreement: the next version, effective from a date. */
@Controller('clients/:clientId/agreements')
export class SetAgreementController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiBody({ type: SetAgreementRequest })
  @CommandEndpoint({
    roles: ['admin'],
    tag: 'clients',
    uuidParams: ['clientId'],
    answer: AgreementVersionAnswer,
    description: 'The version recorded, with its number.',
    problems: {
      400: 'Every invalid field, listed in `problems` (rates above 100%, thresholds out of order, more decimals than the currency has, a minimum fee above the maximum, ...).',
      404: 'No such client (rule client-unknown).',
      409: 'The version would take effect in the past (rule agreement-effective-in-past) or not after the latest version (rule agreement-effective-before-latest).',
    },
  })
  // `unknown`, so the global pipe leaves the body to the domain's parser, which lists every problem at once.
  set(@UuidParam('clientId') clientId: string, @Body() body: unknown, @Ctx() context: CommandContext): Promise<AgreementVersionAnswer> {
    return this.commands.execute(new SetAgreement(clientId, body, context));
  }
}
