import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { accountStreamId, IntakeDependencies } from '../../client-intake.dependencies';
import { accountDecider } from '../../domain/account/account.decider';
import { AuthorizeLegalReferral } from './authorize-legal-referral.command';
import type { LegalAuthorizationAnswer } from './authorize-legal-referral.request.dto';

/** Another client's account is refused as unknown (404) by the decider, so its existence does not leak. */
@CommandHandler(AuthorizeLegalReferral)
export class AuthorizeLegalReferralHandler implements ICommandHandler<AuthorizeLegalReferral> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies) {}

  async execute({ accountId, request, context }: AuthorizeLegalReferral): Promise<LegalAuthorizationAnswer> {
    const { agreesToSuitFee, agreesToAdvanceCosts } = request;
    await decideOrRefuse(
      this.deps.eventStore,
      accountDecider,
      accountStreamId(accountId),
      { type: 'AuthorizeLegalReferral', clientId: context.principal.id, agreesToSuitFee, agreesToAdvanceCosts, now: context.now },
      context,
    );
    return { accountId, legalAuthorized: true };
  }
}
