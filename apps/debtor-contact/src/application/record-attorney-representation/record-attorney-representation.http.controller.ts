import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { RecordAttorneyRepresentation } from './record-attorney-representation.command';
import { AttorneyRepresentationAnswer, RecordAttorneyRepresentationRequest } from './record-attorney-representation.request.dto';

/** Staff record that an attorney represents the debtor: the debtor is not contacted directly after. */
@Controller('cases/:accountId/attorney-representation')
export class RecordAttorneyRepresentationController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({
    roles: ['collector', 'supervisor', 'compliance'], tag: 'contact cases', uuidParams: ['accountId'], answer: AttorneyRepresentationAnswer, description: 'Recorded (or already on record): the attorney-represented rule refuses direct contact with a consumer from now on.',
    problems: { 404: 'No contact case for the account (rule case-unknown).' },
  })
  record(@UuidParam('accountId') accountId: string, @Body() body: RecordAttorneyRepresentationRequest, @Ctx() context: CommandContext): Promise<AttorneyRepresentationAnswer> {
    return this.commands.execute(new RecordAttorneyRepresentation(accountId, body, context));
  }
}
