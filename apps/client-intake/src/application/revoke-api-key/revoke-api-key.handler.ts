import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { clientStreamId, IntakeDependencies } from '../../client-intake.dependencies';
import { clientDecider } from '../../domain/client/client.decider';
import { RevokeApiKey } from './revoke-api-key.command';
import type { RevocationAnswer } from './revoke-api-key.request.dto';

/**
 * Calls with the key answer 401 from the next request on (the key check folds the same
 * stream); the client's other keys keep working.
 */
@CommandHandler(RevokeApiKey)
export class RevokeApiKeyHandler implements ICommandHandler<RevokeApiKey> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies) {}

  async execute({ clientId, keyId, request, context }: RevokeApiKey): Promise<RevocationAnswer> {
    const { events } = await decideOrRefuse(
      this.deps.eventStore,
      clientDecider,
      clientStreamId(clientId),
      { type: 'RevokeApiKey', clientId, keyId, reason: request.reason ?? null, now: context.now },
      context,
    );
    // A duplicate (the first answer was lost) finds the revocation it made then.
    const revoked = events.find((event) => event.type === 'ApiKeyRevoked');
    if (revoked?.type !== 'ApiKeyRevoked') throw new Error(`the revocation of API key ${keyId} was accepted but not recorded`);
    const { reason, revokedAt } = revoked.data;
    return { clientId, keyId, reason, revokedAt };
  }
}
