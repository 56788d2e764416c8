import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, Refused, SERVICE_DEPENDENCIES, ShownOnce } from '@lib/platform';
import { clientStreamId, IntakeDependencies } from '../../client-intake.dependencies';
import { clientDecider } from '../../domain/client/client.decider';
import { hashApiKey, newApiKey } from './api-key';
import { IssueApiKey } from './issue-api-key.command';
import type { IssuedApiKeyAnswer } from './issue-api-key.request.dto';

/**
 * The key is shown once; only its hash is stored. With an Idempotency-Key, the answer
 * kept for retries is not the key (that would store the secret) but a 409 naming the
 * key's id: a retry mints nothing and shows no secret.
 */
@CommandHandler(IssueApiKey)
export class IssueApiKeyHandler implements ICommandHandler<IssueApiKey> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies) {}

  async execute({ clientId, idempotencyKey, context }: IssueApiKey): Promise<ShownOnce> {
    const apiKey = newApiKey(clientId);
    const { outcome, events } = await decideOrRefuse(
      this.deps.eventStore,
      clientDecider,
      clientStreamId(clientId),
      { type: 'IssueApiKey', clientId, keyId: this.deps.newId(), keyHash: hashApiKey(apiKey) },
      context,
    );
    const issued = events.find((event) => event.type === 'ApiKeyIssued');
    if (issued?.type !== 'ApiKeyIssued') throw new Error(`an API key for client ${clientId} was accepted but not recorded`);
    const { keyId } = issued.data;
    const retried = alreadyIssued(clientId, keyId, idempotencyKey);
    // A duplicate is a retry whose first answer was lost: that key's secret is gone for good.
    if (outcome === 'duplicate') throw retried;
    const shown: IssuedApiKeyAnswer = { clientId, keyId, apiKey };
    return new ShownOnce({ status: retried.status, body: retried.toProblem() }, shown);
  }
}

function alreadyIssued(clientId: string, keyId: string, idempotencyKey: string | undefined): Refused {
  return new Refused({
    rule: 'api-key-already-issued',
    reason: `API key ${keyId} was already issued for Idempotency-Key "${idempotencyKey}"; its secret is shown only once. If it was lost, issue a new key with a new Idempotency-Key.`,
    details: { clientId, keyId },
  });
}
