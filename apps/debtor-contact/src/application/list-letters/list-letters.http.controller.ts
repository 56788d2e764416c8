import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import { CurrentPrincipal, QueryEndpoint, UuidParam } from '@lib/platform';
import { LetterView } from './letter.view';
import { ListLetters } from './list-letters.query';

/** The letters sent (or about to be) on an account: staff see any account's, a client its own. */
@Controller('accounts')
export class ListLettersController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':accountId/letters')
  @QueryEndpoint({ roles: ['client', 'collector', 'supervisor', 'compliance'], tag: 'letters', uuidParams: ['accountId'], answer: [LetterView], description: 'The letters of the account, oldest first.', problems: { 404: 'No contact case for the account, or (for a client) not one of its own (rule case-unknown).' } })
  list(@UuidParam('accountId') accountId: string, @CurrentPrincipal() principal: Principal): Promise<LetterView[]> {
    return this.queries.execute(new ListLetters(accountId, principal));
  }
}
