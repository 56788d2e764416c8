import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, invalidRequest, SERVICE_DEPENDENCIES } from '@lib/platform';
import { clientStreamId, IntakeDependencies } from '../../client-intake.dependencies';
import { parseAgreementTerms } from '../../domain/client/agreement-terms';
import { clientDecider } from '../../domain/client/client.decider';
import { agreementVersionAnswer } from './set-agreement.request.dto';
import { SetAgreement } from './set-agreement.command';
import type { AgreementVersionAnswer } from './set-agreement.request.dto';

/** Nothing is written unless the whole agreement is valid and takes effect after the latest version. */
@CommandHandler(SetAgreement)
export class SetAgreementHandler implements ICommandHandler<SetAgreement> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies) {}

  async execute({ clientId, body, context }: SetAgreement): Promise<AgreementVersionAnswer> {
    const { terms, effectiveFrom, problems } = parseAgreementTerms(body);
    if (!terms) throw invalidRequest(problems);
    const { events } = await decideOrRefuse(
      this.deps.eventStore,
      clientDecider,
      clientStreamId(clientId),
      { type: 'SetAgreement', clientId, terms, effectiveFrom: effectiveFrom ?? context.now, now: context.now },
      context,
    );
    const set = events.find((event) => event.type === 'AgreementVersionSet');
    if (set?.type !== 'AgreementVersionSet') throw new Error(`an agreement for client ${clientId} was accepted but not recorded`);
    return agreementVersionAnswer(set.data);
  }
}
