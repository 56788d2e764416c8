import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { fold } from '@lib/es-core';
import { decideOrRefuse, Refused, SERVICE_DEPENDENCIES } from '@lib/platform';
import { portalAccessDecider } from '../../domain/access/portal-access.decider';
import { PortalAccessEvent, portalStreamId } from '../../domain/access/portal-access.events';
import { isRefusal, PlanAcceptor, PortalDependencies } from '../../portal.dependencies';
import { DecidePlanProposal } from './decide-plan-proposal.command';
import type { PlanProposalDecision } from './decide-plan-proposal.request.dto';

/**
 * Accepting sends the debtor's terms, unchanged, to debtor contact's AgreePaymentPlan as
 * the caller (its terms and compliance rules decide; a refusal is answered with debtor
 * contact's rule and the proposal stays queued). Declining only takes it off the queue.
 * Either is recorded once on the account's portal trail (`PortalPlanProposalDecided`).
 */
@CommandHandler(DecidePlanProposal)
export class DecidePlanProposalHandler implements ICommandHandler<DecidePlanProposal> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: PortalDependencies) {}

  async execute({ accountId, proposalId, request, context }: DecidePlanProposal): Promise<PlanProposalDecision> {
    const stream = portalStreamId(accountId);
    const events = (await this.deps.eventStore.readStream(stream)) as unknown as PortalAccessEvent[];
    const state = fold(portalAccessDecider, events);
    const status = state.queuedProposals[proposalId];
    if (status === undefined) throw new Refused({ rule: 'plan-proposal-unknown', reason: `no plan proposal ${proposalId} of account ${accountId} is queued for a collector` });
    if (status !== 'queued') throw new Refused({ rule: 'plan-proposal-decided', reason: `plan proposal ${proposalId} was already ${status}`, details: { decision: status } });
    const proposed = events.find((event) => event.type === 'PortalPlanProposed' && event.data.proposalId === proposalId);
    if (proposed?.type !== 'PortalPlanProposed') throw new Error(`plan proposal ${proposalId} is queued but not on the trail of ${accountId}`);

    let planId: string | null = null;
    if (request.decision === 'accept') {
      const { currency, frequency, firstDueDate, installments } = proposed.data;
      // The endpoint admits collectors and supervisors only: those who agree plans in debtor contact.
      const acceptedBy = context.principal as PlanAcceptor;
      const agreed = await this.deps.accounts.agreePlan({ accountId, currency, frequency, firstDueDate, installments, proposalId }, acceptedBy);
      if (isRefusal(agreed)) throw new Refused({ rule: agreed.refused, reason: `debtor contact refused the plan: ${agreed.reason}` });
      planId = agreed.planId;
    }
    const decision = request.decision === 'accept' ? 'accepted' : 'declined';
    await decideOrRefuse(
      this.deps.eventStore,
      portalAccessDecider,
      stream,
      { type: 'DecidePlanProposal', accountId, proposalId, decision, planId, reason: request.reason ?? '', decidedBy: context.principal.id, now: context.now },
      context,
    );
    return { accountId, proposalId, decision, planId };
  }
}
