import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { aggregateStream } from '@lib/es-core';
import { Refused, SERVICE_DEPENDENCIES } from '@lib/platform';
import { clientStreamId, IntakeDependencies } from '../../client-intake.dependencies';
import { clientDecider } from '../../domain/client/client.decider';
import { agreementVersionAnswer } from '../set-agreement/set-agreement.request.dto';
import type { ClientAgreements } from './client-agreements.view';
import { ListAgreements } from './list-agreements.query';

/** Folded from the client's stream. A client reads only its own; another client's answers 404 like a missing one. */
@QueryHandler(ListAgreements)
export class ListAgreementsHandler implements IQueryHandler<ListAgreements> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies) {}

  async execute({ clientId, principal }: ListAgreements): Promise<ClientAgreements> {
    const unknown = new Refused({ rule: 'client-unknown', reason: `client ${clientId} not found` });
    if (principal.role === 'client' && principal.id !== clientId) throw unknown;
    const { state } = await aggregateStream(this.deps.eventStore, clientDecider, clientStreamId(clientId));
    if (state.status !== 'onboarded') throw unknown;
    return { clientId, onboarding: state.agreements[0], versions: state.versions.map(agreementVersionAnswer) };
  }
}
