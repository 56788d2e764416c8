import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, recordingRefusals, Refused, SERVICE_DEPENDENCIES } from '@lib/platform';
import { contactRefusalTarget } from '../contact-refusals';
import { ContactDependencies, contactStreamId } from '../../debtor-contact.dependencies';
import { contactCaseDecider } from '../../domain/contact-case/contact-case.decider';
import { RecordContact } from './record-contact.command';
import type { ContactRecordedAnswer } from './record-contact.request.dto';

/**
 * The contact rules are enforced, not just noted: a denied contact is refused with its
 * rule, and the refusal stays on the case's record (decideOrRefuse appends it, then throws).
 */
@CommandHandler(RecordContact)
export class RecordContactHandler implements ICommandHandler<RecordContact> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies) {}

  execute({ accountId, request, context }: RecordContact): Promise<ContactRecordedAnswer> {
    return recordingRefusals(this.deps.eventStore, contactRefusalTarget(accountId, 'RecordContact'), context, () => this.record(accountId, request, context));
  }

  private async record(accountId: string, request: RecordContact['request'], context: RecordContact['context']): Promise<ContactRecordedAnswer> {
    const { channel, direction, outcome, to, notes, promise } = request;
    const { events } = await decideOrRefuse(
      this.deps.eventStore,
      contactCaseDecider,
      contactStreamId(accountId),
      {
        type: 'RecordContactAttempt',
        attemptId: this.deps.newId(),
        promiseId: this.deps.newId(),
        collectorId: context.principal.id,
        channel,
        direction,
        outcome,
        to,
        notes,
        promise: promise && { amount: promise.amount, currency: promise.currency, dueDate: promise.dueDate },
        now: context.now,
      },
      context,
    );
    // A duplicate (a retry whose first answer was lost) answers from the earlier events:
    // a contact refused then is refused again, by the same rule, and recorded once.
    const refused = events.find((event) => event.type === 'ContactAttemptRefused');
    if (refused?.type === 'ContactAttemptRefused') throw new Refused({ rule: refused.data.rule, reason: refused.data.reason });
    const recorded = events.find((event) => event.type === 'ContactAttemptRecorded');
    if (recorded?.type !== 'ContactAttemptRecorded') throw new Error(`the contact on account ${accountId} was accepted but not recorded`);
    const promised = events.find((event) => event.type === 'PromiseToPayMade');
    return {
      accountId,
      attemptId: recorded.data.attemptId,
      ...(promised?.type === 'PromiseToPayMade' ? { promiseId: promised.data.promiseId } : {}),
      rightPartyContact: recorded.data.rightPartyContact,
      compliance: recorded.data.compliance,
    };
  }
}
