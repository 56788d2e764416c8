import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { AuthorizeLegalReferral } from './authorize-legal-referral.command';
import { AuthorizeLegalReferralRequest, LegalAuthorizationAnswer } from './authorize-legal-referral.request.dto';

/** The client authorizes suit on one of its accounts. Every authorization is recorded, a repeated one too. */
@Controller('accounts/:accountId/legal-authorization')
export class AuthorizeLegalReferralController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({ roles: ['client'], tag: 'accounts', uuidParams: ['accountId'], status: 200, answer: LegalAuthorizationAnswer, description: 'Authorization recorded.', problems: { 404: 'No such account of this client (rule account-unknown); nothing is recorded, the Idempotency-Key included.', 409: 'The account is closed (rule account-closed).', 422: 'Consent missing (rule legal-authorization-incomplete).' } })
  authorize(@UuidParam('accountId') accountId: string, @Body() body: AuthorizeLegalReferralRequest, @Ctx() context: CommandContext): Promise<LegalAuthorizationAnswer> {
    return this.commands.execute(new AuthorizeLegalReferral(accountId, body, context));
  }
}
