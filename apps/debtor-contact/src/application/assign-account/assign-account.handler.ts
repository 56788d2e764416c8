import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { aggregateStream, readStreamOf } from '@lib/es-core';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { assignmentStreamId, ContactDependencies, contactStreamId } from '../../debtor-contact.dependencies';
import { contactCaseDecider } from '../../domain/contact-case/contact-case.decider';
import { AccountAssigned, assignmentDecider } from '../../domain/work-queue/assignment.decider';
import { AssignAccount } from './assign-account.command';
import type { AssignmentAnswer } from './assign-account.request.dto';

/** Assigning the account to whom already has it records nothing and answers the assignment in force. */
@CommandHandler(AssignAccount)
export class AssignAccountHandler implements ICommandHandler<AssignAccount> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies) {}

  async execute({ accountId, collectorId, context }: AssignAccount): Promise<AssignmentAnswer> {
    const store = this.deps.eventStore;
    const { state } = await aggregateStream(store, contactCaseDecider, contactStreamId(accountId));
    const contactCase = state.status === 'none' ? { status: state.status, clientId: '' } : { status: state.status, clientId: state.clientId };
    const { events } = await decideOrRefuse(store, assignmentDecider, assignmentStreamId(accountId), { type: 'AssignAccount', accountId, collectorId, assignedBy: context.principal.id, contactCase, now: context.now }, context);
    const assigned = events.find((event) => event.type === 'AccountAssigned') ?? (await readStreamOf<AccountAssigned>(store, assignmentStreamId(accountId))).at(-1);
    if (!assigned) throw new Error(`account ${accountId}: an unchanged assignment without any assignment recorded`);
    const { previousCollectorId, assignedBy, assignedAt } = assigned.data;
    return { accountId, collectorId: assigned.data.collectorId, previousCollectorId, assignedBy, assignedAt };
  }
}
