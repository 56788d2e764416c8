import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { ContactDependencies, contactStreamId } from '../../debtor-contact.dependencies';
import { disputesDecider } from '../../domain/disputes/disputes.decider';
import { ResolveDispute } from './resolve-dispute.command';
import type { DisputeResolvedAnswer } from './resolve-dispute.request.dto';

/** The resolution lifts the dispute's hold; `DisputeResolved.v1` tells the other services what comes off the balance. */
@CommandHandler(ResolveDispute)
export class ResolveDisputeHandler implements ICommandHandler<ResolveDispute> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies) {}

  async execute({ accountId, disputeId, request, context }: ResolveDispute): Promise<DisputeResolvedAnswer> {
    const { outcome, amount, evidence } = request;
    const { events } = await decideOrRefuse(this.deps.eventStore, disputesDecider, contactStreamId(accountId), { type: 'ResolveDispute', disputeId, outcome, amount, evidence, now: context.now }, context);
    const resolved = events.find((event) => event.type === 'DisputeResolved');
    if (resolved?.type !== 'DisputeResolved') throw new Error(`the resolution of dispute ${disputeId} was accepted but not recorded`);
    return { accountId, disputeId, outcome: resolved.data.outcome, amount: resolved.data.amount, currency: resolved.data.currency, resolvedAt: resolved.data.resolvedAt };
  }
}
