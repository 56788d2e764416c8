import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { CancelAccount } from './cancel-account.command';
import { CancelAccountRequest, ClosedAnswer } from './cancel-account.request.dto';

/** The agency cancels and returns an account (closing code `cancelled`), with a reason. */
@Controller('accounts/:accountId/cancel')
export class CancelAccountController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({
    roles: ['supervisor', 'admin'],
    tag: 'accounts',
    uuidParams: ['accountId'],
    status: 200,
    answer: ClosedAnswer,
    description: 'The account is closed as cancelled and returned to the client.',
    problems: { 404: 'No such account (rule account-unknown).', 409: 'The account is already closed (rule account-closed).' },
  })
  cancel(@UuidParam('accountId') accountId: string, @Body() body: CancelAccountRequest, @Ctx() context: CommandContext): Promise<ClosedAnswer> {
    return this.commands.execute(new CancelAccount(accountId, body, context));
  }
}
