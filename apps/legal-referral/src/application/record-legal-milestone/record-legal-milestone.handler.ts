import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, Refused, SERVICE_DEPENDENCIES } from '@lib/platform';
import type { LegalMilestone } from '../../domain/referral/referral.commands';
import { referralDecider } from '../../domain/referral/referral.decider';
import { LegalReferralDependencies, referralStreamId } from '../../legal-referral.dependencies';
import { releaseAttorneyCase } from '../attorney-panel.ports';
import { referralView, ReferralView } from '../referral.view';
import { RecordLegalMilestone } from './record-legal-milestone.command';
import { MILESTONE_FIELDS, RecordLegalMilestoneRequest } from './record-legal-milestone.request.dto';

/**
 * The decider keeps the order and the attorney's reach (its own cases only, any other
 * answers 404). A collection gets its payment id here: payments posts it under that id when
 * the published stage change reaches it. A file closed or recalled gives its place on the
 * attorney's caseload back.
 */
@CommandHandler(RecordLegalMilestone)
export class RecordLegalMilestoneHandler implements ICommandHandler<RecordLegalMilestone> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: LegalReferralDependencies) {}

  async execute({ accountId, request, context }: RecordLegalMilestone): Promise<ReferralView> {
    const milestone = this.milestoneOf(request);
    const reportedByAttorney = context.principal.role === 'attorney' ? context.principal.id : null;
    const { state, events } = await decideOrRefuse(this.deps.eventStore, referralDecider, referralStreamId(accountId), { type: 'RecordLegalMilestone', milestone, reportedByAttorney, now: context.now }, context);
    const ended = events.find((event) => event.type === 'LegalFileClosed' || event.type === 'RecalledFromAttorney');
    if (ended) await releaseAttorneyCase(this.deps.eventStore, accountId, ended.type === 'LegalFileClosed' ? 'the attorney closed the file' : 'recalled from the attorney', context);
    return referralView(accountId, state);
  }

  private milestoneOf(request: RecordLegalMilestoneRequest): LegalMilestone {
    const allowed = new Set(['milestone', ...MILESTONE_FIELDS[request.milestone]]);
    const extra = Object.keys(request).filter((field) => !allowed.has(field) && request[field as keyof RecordLegalMilestoneRequest] !== undefined);
    if (extra.length > 0) {
      throw new Refused({ rule: 'milestone-details-invalid', reason: `${request.milestone} takes ${MILESTONE_FIELDS[request.milestone].join(', ') || 'no other field'}, not ${extra.join(', ')}` });
    }
    const r = request as Required<RecordLegalMilestoneRequest>;
    switch (r.milestone) {
      case 'acknowledged':
      case 'served':
        return { kind: r.milestone };
      case 'suit-filed':
        return { kind: 'suit-filed', court: r.court, caseNumber: r.caseNumber, courtCosts: request.courtCosts ?? 0 };
      case 'answer-or-default':
        return { kind: 'answer-or-default', response: r.response };
      case 'judgment':
        return { kind: 'judgment', amount: r.amount, interest: r.interest, costs: r.costs };
      case 'enforcement':
        return { kind: 'enforcement', method: r.method };
      case 'collected':
        return { kind: 'collected', paymentId: this.deps.newId(), amount: r.amount };
      case 'closed':
        return { kind: 'closed', outcome: r.outcome };
      case 'recalled':
        return { kind: 'recalled', reason: r.reason };
    }
  }
}
