import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { AuthorizeLegalReferralRequest, LegalAuthorizationAnswer } from './authorize-legal-referral.request.dto';

/** The calling client authorizes suit on one of its accounts (legal-referral acts on it). */
export class AuthorizeLegalReferral extends Command<LegalAuthorizationAnswer> {
  constructor(
    readonly accountId: string,
    readonly request: AuthorizeLegalReferralRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
