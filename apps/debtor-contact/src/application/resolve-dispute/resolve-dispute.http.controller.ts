import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { ResolveDispute } from './resolve-dispute.command';
import { DisputeResolvedAnswer, ResolveDisputeRequest } from './resolve-dispute.request.dto';

/** A supervisor resolves a dispute once the client's documents (or their absence) decide it. */
@Controller('cases/:accountId/disputes/:disputeId/resolution')
export class ResolveDisputeController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({
    roles: ['supervisor'], tag: 'holds and disputes', uuidParams: ['accountId', 'disputeId'], answer: DisputeResolvedAnswer, description: 'Resolved; the dispute hold is lifted.',
    problems: {
      404: 'No contact case for the account (case-unknown), or no such dispute on it (dispute-unknown).',
      409: 'Resolved already (dispute-already-resolved).',
      422: 'A rejection with an amount (dispute-rejected-adjusts-nothing); an upheld amount of 0 or above what was disputed (dispute-amount-out-of-range).',
    },
  })
  resolve(@UuidParam('accountId') accountId: string, @UuidParam('disputeId') disputeId: string, @Body() body: ResolveDisputeRequest, @Ctx() context: CommandContext): Promise<DisputeResolvedAnswer> {
    return this.commands.execute(new ResolveDispute(accountId, disputeId, body, context));
  }
}
