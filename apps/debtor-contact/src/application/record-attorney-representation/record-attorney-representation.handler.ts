import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { ContactDependencies, contactStreamId } from '../../debtor-contact.dependencies';
import { contactCaseDecider } from '../../domain/contact-case/contact-case.decider';
import { RecordAttorneyRepresentation } from './record-attorney-representation.command';
import type { AttorneyRepresentationAnswer } from './record-attorney-representation.request.dto';

/** The representation goes on the case, where the attorney-represented rule reads it. */
@CommandHandler(RecordAttorneyRepresentation)
export class RecordAttorneyRepresentationHandler implements ICommandHandler<RecordAttorneyRepresentation> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies) {}

  async execute({ accountId, request, context }: RecordAttorneyRepresentation): Promise<AttorneyRepresentationAnswer> {
    const { name, firm, phone, email } = request;
    const attorney = { name, ...(firm !== undefined ? { firm } : {}), ...(phone !== undefined ? { phone } : {}), ...(email !== undefined ? { email } : {}) };
    const { state } = await decideOrRefuse(
      this.deps.eventStore,
      contactCaseDecider,
      contactStreamId(accountId),
      { type: 'RecordAttorneyRepresentation', attorney, recordedBy: context.principal.id, now: context.now },
      context,
    );
    const recorded = state.status === 'none' ? undefined : state.compliance?.attorney;
    if (!recorded) throw new Error(`the representation on account ${accountId} was accepted but is not on the case`);
    return {
      accountId,
      attorney: { name: recorded.name, firm: recorded.firm ?? null, phone: recorded.phone ?? null, email: recorded.email ?? null },
      recordedAt: recorded.recordedAt,
    };
  }
}
