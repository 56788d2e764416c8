import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody } from '@nestjs/swagger';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx } from '@lib/platform';
import { PlaceAccount } from './place-account.command';
import { PlaceAccountRequest, PlacementAnswer } from './place-account.request.dto';

/** A client places one delinquent account (one debtor, its invoices). */
@Controller('placements')
export class PlaceAccountController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiBody({ type: PlaceAccountRequest })
  @CommandEndpoint({ roles: ['client'], tag: 'placements', answer: PlacementAnswer, description: 'Acknowledged with the agency account id.', problems: { 400: 'Every invalid field and every contradiction between fields (mixed currencies, duplicate invoice numbers, due before issue, issued in the future, the total too large), listed in `problems`.', 409: 'The client reference was already placed (rule client-reference-unique).' } })
  // `unknown`, so the global pipe leaves the body to parsePlacement, which lists field and cross-field problems together.
  place(@Body() body: unknown, @Ctx() context: CommandContext): Promise<PlacementAnswer> {
    return this.commands.execute(new PlaceAccount(body, context));
  }
}
