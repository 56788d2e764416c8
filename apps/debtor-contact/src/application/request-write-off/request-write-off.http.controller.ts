import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { RequestWriteOff } from './request-write-off.command';
import { RequestWriteOffRequest, WriteOffAnswer } from './request-write-off.request.dto';

/** A collector or supervisor asks for a write-off; it waits on the supervisors' approval queue. */
@Controller('cases/:accountId/write-offs')
export class RequestWriteOffController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({
    roles: ['collector', 'supervisor'], tag: 'contact cases', uuidParams: ['accountId'], answer: WriteOffAnswer, description: 'Asked for: awaiting a supervisor on the approval queue (docs/debtor-contact.md, "Write-offs").',
    problems: {
      404: 'No contact case for the account (rule case-unknown).',
      409: 'The case is closed (rule case-closed), another write-off waits for a supervisor (rule write-off-already-pending), or nothing is owed (rule write-off-nothing-owed).',
      422: 'Rules write-off-currency-mismatch, write-off-amount-above-balance.',
    },
  })
  request(@UuidParam('accountId') accountId: string, @Body() body: RequestWriteOffRequest, @Ctx() context: CommandContext): Promise<WriteOffAnswer> {
    return this.commands.execute(new RequestWriteOff(accountId, body, context));
  }
}
