import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { AssignAccount } from './assign-account.command';
import { AssignAccountRequest, AssignmentAnswer } from './assign-account.request.dto';

/** A supervisor assigns or reassigns an account to a collector; assigned accounts head that collector's work queue. */
@Controller('accounts/:accountId/assignment')
export class AssignAccountController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({
    roles: ['supervisor'], status: 200, tag: 'work queue', uuidParams: ['accountId'], answer: AssignmentAnswer, description: 'The assignment in force.',
    problems: { 404: 'No contact case for the account (rule case-unknown).', 409: 'The case is closed (rule case-closed).' },
  })
  assign(@UuidParam('accountId') accountId: string, @Body() body: AssignAccountRequest, @Ctx() context: CommandContext): Promise<AssignmentAnswer> {
    return this.commands.execute(new AssignAccount(accountId, body.collectorId, context));
  }
}
