import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { approvalStreamId, ContactDependencies } from '../../debtor-contact.dependencies';
import { approvalDecider } from '../../domain/work-queue/approval.decider';
import { NoteForcedRecall } from './note-forced-recall.command';

/** Who decided a forced recall, as far as this service can tell: intake's message names no principal. */
export const FORCED_IN_INTAKE = 'supervisor (client intake)';

@CommandHandler(NoteForcedRecall)
export class NoteForcedRecallHandler implements ICommandHandler<NoteForcedRecall> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies) {}

  async execute({ recall, context }: NoteForcedRecall): Promise<void> {
    const approvalId = `forced-recall-${recall.accountId}`;
    const reason = `${recall.forced.reason} (overrode: ${recall.forced.overrides.join(', ') || 'nothing'})`;
    await decideOrRefuse(
      this.deps.eventStore,
      approvalDecider,
      approvalStreamId(approvalId),
      {
        type: 'RequestApproval',
        request: { approvalId, kind: 'forced-recall', accountId: recall.accountId, clientId: recall.clientId, amount: recall.balanceRecalled, currency: recall.currency, reason, requestedBy: recall.clientId, requestedAt: recall.recalledAt },
        decided: { decision: 'approved', decidedBy: FORCED_IN_INTAKE, decidedAt: recall.recalledAt },
      },
      context,
    );
  }
}
