import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import { Refused, SERVICE_DEPENDENCIES } from '@lib/platform';
import { DurableScheduler, ScheduledWork, WorkHandler } from '@lib/scheduler';
import { LEGAL_REVIEW } from '../../domain/legal-review/legal-review.workflow';
import { LegalReferralDependencies } from '../../legal-referral.dependencies';
import { ReviewForLegal } from './review-for-legal.command';

const SCHEDULED_REVIEW: Principal = { role: 'system', id: 'legal-review-scheduler' };

/**
 * The legal review due 45 days after placement (or after a reopening), or a follow-up one
 * booked by a review that a recent payment held back: each its own work id, all the same
 * command as a review staff ask for, dispatched on the same command bus. The work id is the
 * causation and the command dedupes by it: a crash after the review but before the
 * scheduler marks the work fired re-runs this handler, which then finds its review already
 * recorded (and books its follow-up, if any, again: the first booking stands).
 * A refusal (the client already authorized suit) leaves nothing to do: the work is done.
 */
export const scheduledLegalReview =
  (commands: CommandBus, deps: Pick<LegalReferralDependencies, 'newId'>): WorkHandler =>
  async (work: ScheduledWork, firedAt: Date) => {
    const context = { principal: SCHEDULED_REVIEW, correlationId: work.workId, causationId: work.workId, now: firedAt, newId: deps.newId, dedupeByCausation: true };
    try {
      await commands.execute(new ReviewForLegal(String(work.payload.accountId), context));
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
    }
  };

/** Gives the service's scheduler its legal review work, once the command bus exists (before the runtime starts the scheduler). */
@Injectable()
export class LegalReviewWork implements OnModuleInit {
  constructor(
    private readonly commands: CommandBus,
    @Inject(SERVICE_DEPENDENCIES) private readonly deps: LegalReferralDependencies,
    private readonly scheduler: DurableScheduler,
  ) {}

  onModuleInit(): void {
    this.scheduler.on(LEGAL_REVIEW, scheduledLegalReview(this.commands, this.deps));
  }
}
