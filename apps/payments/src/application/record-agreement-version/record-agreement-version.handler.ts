import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { agreementsDecider } from '../../domain/commission-plan/agreements.decider';
import { agreementsStreamId, PaymentsDependencies } from '../../payments.dependencies';
import { RecordAgreementVersion } from './record-agreement-version.command';

@CommandHandler(RecordAgreementVersion)
export class RecordAgreementVersionHandler implements ICommandHandler<RecordAgreementVersion> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: PaymentsDependencies) {}

  async execute({ version, context }: RecordAgreementVersion): Promise<void> {
    await decideOrRefuse(this.deps.eventStore, agreementsDecider, agreementsStreamId(version.clientId), { type: 'RecordAgreementVersion', version }, context);
  }
}
