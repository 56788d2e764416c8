import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { nameBasedId } from '@lib/es-core';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { clientStreamId, IntakeDependencies } from '../../client-intake.dependencies';
import { clientDecider } from '../../domain/client/client.decider';
import { OnboardClient } from './onboard-client.command';
import type { OnboardedClientAnswer } from './onboard-client.request.dto';

@CommandHandler(OnboardClient)
export class OnboardClientHandler implements ICommandHandler<OnboardClient> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies) {}

  async execute({ request, context }: OnboardClient): Promise<OnboardedClientAnswer> {
    // A keyed onboarding (its causation is the principal's key) names its client after the
    // key: if the answer was lost after the append, the retry meets the same stream, where
    // the causation dedupe finds the first onboarding instead of making a second client.
    const clientId = context.dedupeByCausation ? nameBasedId('onboard-client', context.causationId) : this.deps.newId();
    const { state } = await decideOrRefuse(this.deps.eventStore, clientDecider, clientStreamId(clientId), { type: 'OnboardClient', clientId, name: request.name, now: context.now }, context);
    if (state.status !== 'onboarded') throw new Error(`client ${clientId} was accepted but not onboarded`);
    return { clientId, name: state.name, agreement: state.agreements[0] };
  }
}
