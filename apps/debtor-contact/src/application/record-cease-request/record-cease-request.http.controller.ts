import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { RecordCeaseRequest } from './record-cease-request.command';
import { CeaseRequestAnswer, RecordCeaseRequestRequest } from './record-cease-request.request.dto';

/** Staff record that the debtor asked the agency to stop contacting them. */
@Controller('cases/:accountId/cease-requests')
export class RecordCeaseRequestController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({
    roles: ['collector', 'supervisor', 'compliance'], tag: 'contact cases', uuidParams: ['accountId'], answer: CeaseRequestAnswer, description: 'Recorded (or already in force): the cease-contact rule refuses contact from now on.',
    problems: { 404: 'No contact case for the account (rule case-unknown).' },
  })
  record(@UuidParam('accountId') accountId: string, @Body() body: RecordCeaseRequestRequest, @Ctx() context: CommandContext): Promise<CeaseRequestAnswer> {
    return this.commands.execute(new RecordCeaseRequest(accountId, body, context));
  }
}
