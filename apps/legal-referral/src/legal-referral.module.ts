import { DynamicModule, Module } from '@nestjs/common';
import { DurableScheduler } from '@lib/scheduler';
import { COMPLIANCE_DECISIONS, LEGAL_REFERRALS } from '@lib/contracts';
import { ServiceRuntime } from '@lib/integration';
import { ATTORNEY_KEY_VERIFIER, auditController, commandRefusalGateway, complianceStreamId, runtimeProvider, SERVICE_DEPENDENCIES } from '@lib/platform';
import { AddPanelAttorneyController } from './application/add-panel-attorney/add-panel-attorney.http.controller';
import { AddPanelAttorneyHandler } from './application/add-panel-attorney/add-panel-attorney.handler';
import { ApproveRecommendationController } from './application/approve-recommendation/approve-recommendation.http.controller';
import { ApproveRecommendationHandler } from './application/approve-recommendation/approve-recommendation.handler';
import { EventSourcedAttorneyKeys } from './application/attorney-panel.ports';
import { DeclineRecommendationController } from './application/decline-recommendation/decline-recommendation.http.controller';
import { DeclineRecommendationHandler } from './application/decline-recommendation/decline-recommendation.handler';
import { GetAttorneyPanelController } from './application/get-attorney-panel/get-attorney-panel.http.controller';
import { GetAttorneyPanelHandler } from './application/get-attorney-panel/get-attorney-panel.handler';
import { IssueAttorneyApiKeyController } from './application/issue-attorney-api-key/issue-attorney-api-key.http.controller';
import { IssueAttorneyApiKeyHandler } from './application/issue-attorney-api-key/issue-attorney-api-key.handler';
import { RecordLegalMilestoneController } from './application/record-legal-milestone/record-legal-milestone.http.controller';
import { RecordLegalMilestoneHandler } from './application/record-legal-milestone/record-legal-milestone.handler';
import { UpdatePanelAttorneyController } from './application/update-panel-attorney/update-panel-attorney.http.controller';
import { UpdatePanelAttorneyHandler } from './application/update-panel-attorney/update-panel-attorney.handler';
import { CloseReferralCaseHandler } from './application/close-referral-case/close-referral-case.handler';
import { ForwardToAttorneyController } from './application/forward-to-attorney/forward-to-attorney.http.controller';
import { ForwardToAttorneyHandler } from './application/forward-to-attorney/forward-to-attorney.handler';
import { GetReferralController } from './application/get-referral/get-referral.http.controller';
import { GetReferralHandler } from './application/get-referral/get-referral.handler';
import { NotePaymentHandler } from './application/note-payment/note-payment.handler';
import { NotePaymentReversalHandler } from './application/note-payment-reversal/note-payment-reversal.handler';
import { OpenReferralCaseHandler } from './application/open-referral-case/open-referral-case.handler';
import { RecordClientAuthorizationHandler } from './application/record-client-authorization/record-client-authorization.handler';
import { ReopenReferralCaseHandler } from './application/reopen-referral-case/reopen-referral-case.handler';
import { EndSolTollingController } from './application/end-sol-tolling/end-sol-tolling.http.controller';
import { EndSolTollingHandler } from './application/end-sol-tolling/end-sol-tolling.handler';
import { GetStatuteOfLimitationsController } from './application/get-statute-of-limitations/get-statute-of-limitations.http.controller';
import { GetStatuteOfLimitationsHandler } from './application/get-statute-of-limitations/get-statute-of-limitations.handler';
import { RecordDebtAcknowledgementController } from './application/record-debt-acknowledgement/record-debt-acknowledgement.http.controller';
import { RecordDebtAcknowledgementHandler } from './application/record-debt-acknowledgement/record-debt-acknowledgement.handler';
import { RecordSolTollingController } from './application/record-sol-tolling/record-sol-tolling.http.controller';
import { RecordSolTollingHandler } from './application/record-sol-tolling/record-sol-tolling.handler';
import { LegalReviewWork } from './application/review-for-legal/legal-review.work';
import { ReviewForLegalController } from './application/review-for-legal/review-for-legal.http.controller';
import { ReviewForLegalHandler } from './application/review-for-legal/review-for-legal.handler';
import { closeReferralCase } from './integration/inbound/close-referral-case.consumer';
import { notePaymentReversal } from './integration/inbound/note-payment-reversal.consumer';
import { notePayment } from './integration/inbound/note-payment.consumer';
import { openReferralCase } from './integration/inbound/open-referral-case.consumer';
import { recordLegalAuthorization } from './integration/inbound/record-legal-authorization.consumer';
import { reopenReferralCase } from './integration/inbound/reopen-referral-case.consumer';
import { noteAccountHold, noteAccountHoldLift } from './integration/inbound/note-account-hold.consumer';
import { NoteAccountHoldHandler } from './application/note-account-hold/note-account-hold.handler';
import { NoteAccountHoldLiftHandler } from './application/note-account-hold-lift/note-account-hold-lift.handler';
import { legalReferralGateway } from './integration/outbound/legal-referral.gateway';
import { accountIdOfStream, LegalReferralDependencies, referralStreamId } from './legal-referral.dependencies';

export const LEGAL_REFERRAL = 'legal-referral';

const controllers = [
  ReviewForLegalController,
  ForwardToAttorneyController,
  GetReferralController,
  GetStatuteOfLimitationsController,
  RecordDebtAcknowledgementController,
  RecordSolTollingController,
  EndSolTollingController,
  ApproveRecommendationController,
  DeclineRecommendationController,
  RecordLegalMilestoneController,
  AddPanelAttorneyController,
  UpdatePanelAttorneyController,
  GetAttorneyPanelController,
  IssueAttorneyApiKeyController,
];
const commandHandlers = [
  ReviewForLegalHandler,
  ForwardToAttorneyHandler,
  OpenReferralCaseHandler,
  NotePaymentHandler,
  NotePaymentReversalHandler,
  CloseReferralCaseHandler,
  ReopenReferralCaseHandler,
  RecordClientAuthorizationHandler,
  RecordDebtAcknowledgementHandler,
  RecordSolTollingHandler,
  EndSolTollingHandler,
  ApproveRecommendationHandler,
  DeclineRecommendationHandler,
  RecordLegalMilestoneHandler,
  AddPanelAttorneyHandler,
  UpdatePanelAttorneyHandler,
  IssueAttorneyApiKeyHandler,
];
const queryHandlers = [GetReferralHandler, GetStatuteOfLimitationsHandler, GetAttorneyPanelHandler];

/**
 * The streams of an account legal referral keeps, as its audit endpoint lists and verifies them;
 * reporting's integrity check in the all-in-one reads the same ones (test/contracts/audited-streams.unit.spec.ts).
 */
export const auditedStreamsOf = (accountId: string): string[] => [referralStreamId(accountId), complianceStreamId(accountId)];

/**
 * Composition root of the legal-referral service: its use cases over the ports it is given.
 * Global only for the attorney key check (ATTORNEY_KEY_VERIFIER), which the auth guard of
 * the process uses, as client-intake's module is for client keys.
 */
@Module({})
export class LegalReferralModule {
  static register(deps: LegalReferralDependencies): DynamicModule {
    // The service's own store keeps the review bookings, so they survive restarts with the cases.
    // LegalReviewWork gives it its work (a ReviewForLegal command) once the command bus exists.
    const scheduler = new DurableScheduler(deps.eventStore, deps.clock);
    deps.clockControl?.schedulers.add(scheduler);
    const runtime = new ServiceRuntime({
      service: LEGAL_REFERRAL,
      store: deps.eventStore,
      bus: deps.bus,
      gateway: (stored) => [...legalReferralGateway(stored), ...commandRefusalGateway(stored)],
      accountIdOf: accountIdOfStream,
      inbound: [openReferralCase, notePayment, notePaymentReversal, closeReferralCase, reopenReferralCase, recordLegalAuthorization, noteAccountHold, noteAccountHoldLift],
      scheduler,
      publishes: [LEGAL_REFERRALS, COMPLIANCE_DECISIONS],
      now: () => deps.clock.now(),
      newId: deps.newId,
    });
    return {
      module: LegalReferralModule,
      global: true,
      controllers: [...controllers, auditController(LEGAL_REFERRAL, auditedStreamsOf)],
      providers: [
        { provide: SERVICE_DEPENDENCIES, useValue: deps },
        { provide: ATTORNEY_KEY_VERIFIER, useValue: new EventSourcedAttorneyKeys(deps.eventStore) },
        // Not exported: in the all-in-one process each service's handlers get their own scheduler.
        { provide: DurableScheduler, useValue: scheduler },
        LegalReviewWork,
        ...commandHandlers,
        NoteAccountHoldHandler,
        NoteAccountHoldLiftHandler,
        ...queryHandlers,
        runtimeProvider(runtime),
      ],
      exports: [ATTORNEY_KEY_VERIFIER],
    };
  }
}
