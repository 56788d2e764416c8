import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { ContactDependencies, contactStreamId } from '../../debtor-contact.dependencies';
import { contactCaseDecider } from '../../domain/contact-case/contact-case.decider';
import { RecordCeaseRequest } from './record-cease-request.command';
import type { CeaseRequestAnswer } from './record-cease-request.request.dto';

/** The request goes on the case, where the cease-contact rule reads it at the next contact. */
@CommandHandler(RecordCeaseRequest)
export class RecordCeaseRequestHandler implements ICommandHandler<RecordCeaseRequest> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies) {}

  async execute({ accountId, request, context }: RecordCeaseRequest): Promise<CeaseRequestAnswer> {
    const { state } = await decideOrRefuse(
      this.deps.eventStore,
      contactCaseDecider,
      contactStreamId(accountId),
      { type: 'RecordCeaseRequest', mode: request.mode, receivedOn: request.receivedOn, recordedBy: context.principal.id, now: context.now },
      context,
    );
    const cease = state.status === 'none' ? undefined : state.compliance?.cease;
    if (!cease) throw new Error(`the cease request on account ${accountId} was accepted but is not on the case`);
    return { accountId, mode: cease.mode, receivedOn: cease.receivedOn };
  }
}
