import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { OpenDispute } from './open-dispute.command';
import { DisputeOpenedAnswer, OpenDisputeRequest } from './open-dispute.request.dto';

/** The debtor's dispute (recorded by a collector) or the client's own, on the whole account or listed invoices. */
@Controller('accounts/:accountId/disputes')
export class OpenDisputeController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({
    roles: ['client', 'collector', 'supervisor'], tag: 'holds and disputes', uuidParams: ['accountId'], answer: DisputeOpenedAnswer, description: 'The dispute is open, its hold in force, the client asked for documents.',
    problems: {
      404: 'No contact case for the account, or (for a client) not one of its own (rule case-unknown).',
      409: 'The case is closed (case-closed); the whole account or one of the invoices is disputed already (dispute-already-open).',
      422: 'An invoice listed twice (dispute-invoice-repeated); more disputed than was placed (dispute-exceeds-placed-amount).',
    },
  })
  open(@UuidParam('accountId') accountId: string, @Body() body: OpenDisputeRequest, @Ctx() context: CommandContext): Promise<DisputeOpenedAnswer> {
    return this.commands.execute(new OpenDispute(accountId, body, context));
  }
}
