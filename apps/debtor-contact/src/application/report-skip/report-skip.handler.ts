import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { ContactDependencies, contactStreamId } from '../../debtor-contact.dependencies';
import { holdsDecider } from '../../domain/holds/holds.decider';
import { holdsInForce } from '../../domain/holds/holds.state';
import { ReportSkip } from './report-skip.command';
import type { SkipReportedAnswer } from './report-skip.request.dto';

@CommandHandler(ReportSkip)
export class ReportSkipHandler implements ICommandHandler<ReportSkip> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies) {}

  async execute({ accountId, request, context }: ReportSkip): Promise<SkipReportedAnswer> {
    const { state } = await decideOrRefuse(
      this.deps.eventStore,
      holdsDecider,
      contactStreamId(accountId),
      { type: 'ReportSkip', holdId: this.deps.newId(), evidence: request.evidence, detail: request.detail, now: context.now },
      context,
    );
    const skip = state.status === 'none' ? undefined : holdsInForce(state, context.now, 'skip')[0];
    if (!skip) throw new Error(`the skip report on account ${accountId} was accepted but the account is not in skip`);
    return { accountId, holdId: skip.holdId, since: skip.placedAt };
  }
}
