import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { aggregateStream } from '@lib/es-core';
import { decideOrRefuse, recordingRefusals, Refused, SERVICE_DEPENDENCIES } from '@lib/platform';
import { contactRefusalTarget } from '../contact-refusals';
import { approvalStreamId, ContactDependencies, settlementsStreamId } from '../../debtor-contact.dependencies';
import { settlementDecider } from '../../domain/settlements/settlement.decider';
import { approvalDecider, ApprovalKind } from '../../domain/work-queue/approval.decider';
import { DecideApproval } from './decide-approval.command';
import { decideWriteOff } from './decide-write-off.step';
import type { ApprovalDecisionAnswer } from './decide-approval.request.dto';

/**
 * The decision goes on the approval's stream, then to what it approves: a settlement
 * beyond authority moves on to its client, or ends declined; a write-off approved goes to
 * intake, which adjusts the balance. Both steps take the same
 * decision again without change, so a retry after a lost answer completes what the
 * first attempt began.
 */
@CommandHandler(DecideApproval)
export class DecideApprovalHandler implements ICommandHandler<DecideApproval> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies) {}

  async execute({ approvalId, decision, request, context }: DecideApproval): Promise<ApprovalDecisionAnswer> {
    const store = this.deps.eventStore;
    const streamId = approvalStreamId(approvalId);
    const { state } = await aggregateStream(store, approvalDecider, streamId);
    if (state.status === 'none') throw new Refused({ rule: 'approval-unknown', reason: `no approval ${approvalId}` });
    const { kind, accountId } = state.request;
    // A refused decision leaves its record on the account's compliance stream.
    return recordingRefusals(store, contactRefusalTarget(accountId, 'DecideApproval'), context, () => this.decide(approvalId, kind, accountId, decision, request, context));
  }

  private async decide(approvalId: string, kind: ApprovalKind, accountId: string, decision: DecideApproval['decision'], request: DecideApproval['request'], context: DecideApproval['context']): Promise<ApprovalDecisionAnswer> {
    const store = this.deps.eventStore;
    const streamId = approvalStreamId(approvalId);
    // The settlement first: a settlement no longer waiting refuses, and the queue's entry stays as it was.
    if (kind === 'settlement-beyond-authority') {
      await decideOrRefuse(
        store,
        settlementDecider,
        settlementsStreamId(accountId),
        { type: 'DecideSettlementAsSupervisor', settlementId: approvalId, decision: decision === 'approved' ? 'approved' : 'declined', supervisorId: context.principal.id, reason: request.reason ?? null, now: context.now },
        context,
      );
    }
    if (kind === 'write-off') await decideWriteOff(this.deps, accountId, approvalId, decision, request.reason ?? null, context);
    await decideOrRefuse(store, approvalDecider, streamId, { type: 'DecideApproval', approvalId, decision, decidedBy: context.principal.id, reason: request.reason, now: context.now }, context);
    const next = decision !== 'approved' ? 'nothing' : kind === 'settlement-beyond-authority' ? 'awaiting the client' : kind === 'write-off' ? 'written off in client intake' : 'nothing';
    return { approvalId, kind, accountId, status: decision, next };
  }
}
