import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { LiftHold } from './lift-hold.command';
import { HoldLiftedAnswer, LiftHoldRequest } from './lift-hold.request.dto';

/** A supervisor (or legal, for a dismissed bankruptcy) lifts a hold. */
@Controller('cases/:accountId/holds/:holdId/lift')
export class LiftHoldController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({
    roles: ['supervisor', 'legal'], tag: 'holds and disputes', uuidParams: ['accountId', 'holdId'], answer: HoldLiftedAnswer, status: 200, description: 'The hold is lifted.',
    problems: {
      404: 'No contact case for the account (case-unknown), or no such hold on it (hold-unknown).',
      409: 'Lifted already (hold-already-lifted); a dispute hold, lifted by resolving its dispute (hold-ends-with-its-dispute); a discharged bankruptcy (bankruptcy-discharged).',
    },
  })
  lift(@UuidParam('accountId') accountId: string, @UuidParam('holdId') holdId: string, @Body() body: LiftHoldRequest, @Ctx() context: CommandContext): Promise<HoldLiftedAnswer> {
    return this.commands.execute(new LiftHold(accountId, holdId, body, context));
  }
}
