import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, recordingRefusals, SERVICE_DEPENDENCIES } from '@lib/platform';
import { approvalStreamId, ContactDependencies } from '../../debtor-contact.dependencies';
import { approvalDecider } from '../../domain/work-queue/approval.decider';
import { writeOffDecider, writeOffsStreamId } from '../../domain/write-offs/write-off.decider';
import { contactRefusalTarget } from '../contact-refusals';
import { caseForWriteOff, knownBalance } from '../write-off-facts';
import { RequestWriteOff } from './request-write-off.command';
import type { WriteOffAnswer } from './request-write-off.request.dto';

/**
 * The request is decided on the account's write-offs stream from the case (open, its
 * currency) and the balance payments last reported, then goes on the supervisors'
 * approval queue under the write-off's own id.
 */
@CommandHandler(RequestWriteOff)
export class RequestWriteOffHandler implements ICommandHandler<RequestWriteOff> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies) {}

  /** A refused request leaves its record on the account's compliance stream. */
  execute({ accountId, request, context }: RequestWriteOff): Promise<WriteOffAnswer> {
    return recordingRefusals(this.deps.eventStore, contactRefusalTarget(accountId, 'RequestWriteOff'), context, () => this.request(accountId, request, context));
  }

  private async request(accountId: string, request: RequestWriteOff['request'], context: RequestWriteOff['context']): Promise<WriteOffAnswer> {
    const store = this.deps.eventStore;
    const contactCase = await caseForWriteOff(store, accountId);
    const balance = await knownBalance(store, accountId, contactCase.placedAmount);
    const { events } = await decideOrRefuse(
      store,
      writeOffDecider,
      writeOffsStreamId(accountId),
      { type: 'RequestWriteOff', accountId, writeOffId: this.deps.newId(), amount: request.amount, currency: request.currency, reason: request.reason, note: request.note ?? null, requestedBy: context.principal.id, contactCase, balance, now: context.now },
      context,
    );
    const requested = events.find((event) => event.type === 'WriteOffRequested');
    if (requested?.type !== 'WriteOffRequested') throw new Error(`the write-off on account ${accountId} was accepted but not recorded`);
    const { writeOffId, clientId, amount, currency, reason, note, requestedBy, requestedAt } = requested.data;
    const why = `write-off (${reason}) of ${amount === null ? 'the whole balance' : `${amount} ${currency}`}, balance ${balance}${note ? `: ${note}` : ''}`;
    await decideOrRefuse(
      store,
      approvalDecider,
      approvalStreamId(writeOffId),
      { type: 'RequestApproval', request: { approvalId: writeOffId, kind: 'write-off', accountId, clientId, amount, currency, reason: why, requestedBy, requestedAt } },
      context,
    );
    return { accountId, writeOffId, amount, currency, balance, reason, status: 'awaiting-supervisor', requestedAt };
  }
}
