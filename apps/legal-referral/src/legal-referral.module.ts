import { DynamicModule, Module } from '@nestjs/common';
import { DurableScheduler } from '@lib/scheduler';
import { LEGAL_REFERRALS } from '@lib/contracts';
import { ServiceRuntime } from '@lib/integration';
import { auditController, runtimeProvider } from '@lib/platform';
import { ForwardToAttorneyController } from './application/forward-to-attorney/forward-to-attorney.http.controller';
import { GetReferralController } from './application/get-referral/get-referral.http.controller';
import { runScheduledLegalReview } from './application/review-for-legal/legal-review.work';
import { ReviewForLegalController } from './application/review-for-legal/review-for-legal.http.controller';
import { closeReferralCase } from './integration/inbound/close-referral-case.handler';
import { notePayment, notePaymentReversal } from './integration/inbound/note-payment.handler';
import { openReferralCase } from './integration/inbound/open-referral-case.handler';
import { recordLegalAuthorization } from './integration/inbound/record-legal-authorization.handler';
import { reopenReferralCase } from './integration/inbound/reopen-referral-case.handler';
import { legalReferralGateway } from './integration/outbound/legal-referral.gateway';
import { LEGAL_REVIEW } from './domain/legal-review/legal-review.workflow';
import { accountIdOfStream, LEGAL_REFERRAL_DEPS, LEGAL_REVIEW_SCHEDULER, LegalReferralDependencies, referralStreamId } from './legal-referral.dependencies';

export const LEGAL_REFERRAL = 'legal-referral';

const useCases = [ReviewForLegalController, ForwardToAttorneyController, GetReferralController];

/** Composition root of the legal-referral service: its use cases over the ports it is given. */
@Module({})
export class LegalReferralModule {
  static register(deps: LegalReferralDependencies): DynamicModule {
    // The service's own store keeps the review bookings, so they survive restarts with the cases.
    const scheduler = new DurableScheduler(deps.eventStore, deps.clock);
    scheduler.on(LEGAL_REVIEW, runScheduledLegalReview(deps, scheduler));
    deps.clockControl?.schedulers.add(scheduler);
    const runtime = new ServiceRuntime({
      service: LEGAL_REFERRAL,
      store: deps.eventStore,
      bus: deps.bus,
      gateway: legalReferralGateway,
      accountIdOf: accountIdOfStream,
      inbound: [
        openReferralCase(deps, scheduler),
        notePayment(deps),
        notePaymentReversal(deps),
        closeReferralCase(deps, scheduler),
        reopenReferralCase(deps, scheduler),
        recordLegalAuthorization(deps),
      ],
      scheduler,
      publishes: [LEGAL_REFERRALS],
      now: () => deps.clock.now(),
      newId: deps.newId,
    });
    return {
      module: LegalReferralModule,
      controllers: [...useCases, auditController(LEGAL_REFERRAL, LEGAL_REFERRAL_DEPS, (accountId) => [referralStreamId(accountId)])],
      providers: [{ provide: LEGAL_REFERRAL_DEPS, useValue: deps }, { provide: LEGAL_REVIEW_SCHEDULER, useValue: scheduler }, runtimeProvider(runtime)],
    };
  }
}
