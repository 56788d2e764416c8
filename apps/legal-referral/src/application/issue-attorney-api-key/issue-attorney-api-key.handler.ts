import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, Refused, SERVICE_DEPENDENCIES, ShownOnce } from '@lib/platform';
import { ATTORNEY_PANEL_STREAM, attorneyPanelDecider } from '../../domain/attorney-panel/attorney-panel.decider';
import type { LegalReferralDependencies } from '../../legal-referral.dependencies';
import { hashAttorneyApiKey, newAttorneyApiKey } from '../attorney-panel.ports';
import { IssueAttorneyApiKey } from './issue-attorney-api-key.command';
import type { IssuedAttorneyApiKeyAnswer } from './issue-attorney-api-key.request.dto';

/**
 * As a client's key (client-intake): shown once, only its hash stored; a retry under the
 * same Idempotency-Key is answered a 409 naming the key's id, never the secret again.
 */
@CommandHandler(IssueAttorneyApiKey)
export class IssueAttorneyApiKeyHandler implements ICommandHandler<IssueAttorneyApiKey> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: LegalReferralDependencies) {}

  async execute({ attorneyId, idempotencyKey, context }: IssueAttorneyApiKey): Promise<ShownOnce> {
    const apiKey = newAttorneyApiKey(attorneyId);
    const { outcome, events } = await decideOrRefuse(
      this.deps.eventStore,
      attorneyPanelDecider,
      ATTORNEY_PANEL_STREAM,
      { type: 'IssueAttorneyApiKey', attorneyId, keyId: this.deps.newId(), keyHash: hashAttorneyApiKey(apiKey), now: context.now },
      context,
    );
    const issued = events.find((event) => event.type === 'AttorneyApiKeyIssued');
    if (issued?.type !== 'AttorneyApiKeyIssued') throw new Error(`an API key for attorney ${attorneyId} was accepted but not recorded`);
    const { keyId } = issued.data;
    const retried = new Refused({
      rule: 'api-key-already-issued',
      reason: `API key ${keyId} was already issued for Idempotency-Key "${idempotencyKey}"; its secret is shown only once. If it was lost, issue a new key with a new Idempotency-Key.`,
      details: { attorneyId, keyId },
    });
    if (outcome === 'duplicate') throw retried;
    const shown: IssuedAttorneyApiKeyAnswer = { attorneyId, keyId, apiKey };
    return new ShownOnce({ status: retried.status, body: retried.toProblem() }, shown);
  }
}
