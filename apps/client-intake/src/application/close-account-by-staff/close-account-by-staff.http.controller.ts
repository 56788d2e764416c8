import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { ClosedAnswer } from '../cancel-account/cancel-account.request.dto';
import { CloseAccountByStaff } from './close-account-by-staff.command';
import { CloseAccountByStaffRequest } from './close-account-by-staff.request.dto';

/** Staff close an account with a code that has no command or process of its own (yet): the table in docs/client-intake.md. */
@Controller('accounts/:accountId/close')
export class CloseAccountByStaffController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({
    roles: ['supervisor', 'legal'],
    tag: 'accounts',
    uuidParams: ['accountId'],
    status: 200,
    answer: ClosedAnswer,
    description: 'The account is closed with the code given.',
    problems: {
      403: 'This role may not close with this code (rule closing-code-role).',
      404: 'No such account (rule account-unknown).',
      409: 'The account is already closed (rule account-closed).',
    },
  })
  close(@UuidParam('accountId') accountId: string, @Body() body: CloseAccountByStaffRequest, @Ctx() context: CommandContext): Promise<ClosedAnswer> {
    return this.commands.execute(new CloseAccountByStaff(accountId, body, context));
  }
}
