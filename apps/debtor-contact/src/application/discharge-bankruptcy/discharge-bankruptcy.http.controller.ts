import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { DischargeBankruptcy } from './discharge-bankruptcy.command';
import { BankruptcyDischargedAnswer, DischargeBankruptcyRequest } from './discharge-bankruptcy.request.dto';

/** Legal records the discharge of the debtor's bankruptcy. */
@Controller('cases/:accountId/bankruptcy/discharge')
export class DischargeBankruptcyController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({
    roles: ['legal', 'supervisor'], tag: 'holds and disputes', uuidParams: ['accountId'], answer: BankruptcyDischargedAnswer, description: 'The discharge is recorded; the account closes as bankrupt.',
    problems: {
      404: 'No contact case for the account (case-unknown).',
      409: 'No bankruptcy holds the account (no-bankruptcy-filed), or it was discharged already (bankruptcy-already-discharged).',
      422: 'The discharge date is before the filing or in the future (discharge-before-filing).',
    },
  })
  discharge(@UuidParam('accountId') accountId: string, @Body() body: DischargeBankruptcyRequest, @Ctx() context: CommandContext): Promise<BankruptcyDischargedAnswer> {
    return this.commands.execute(new DischargeBankruptcy(accountId, body, context));
  }
}
