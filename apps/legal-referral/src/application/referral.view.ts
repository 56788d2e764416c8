import { ApiProperty } from '@nestjs/swagger';
import { Refused } from '@lib/platform';
import { lastPayment, ReferralStage, ReferralState } from '../domain/referral/referral.state';

const STAGES: ReferralStage[] = ['opened', 'pending-approval', 'recommended', 'not-recommended', 'authorized', 'forwarded', 'closed'];

export class FailedRuleView {
  @ApiProperty({ example: 'no-payment-in-45-days' }) rule!: string;
  @ApiProperty() reason!: string;
}

export class DebtorView {
  @ApiProperty({ description: 'ISO 3166-1 alpha-2', example: 'US' }) country!: string;
  @ApiProperty({ type: String, nullable: true, description: 'As placed; null when the placement named none', example: 'NY' }) region!: string | null;
}

export class LastPaymentView {
  @ApiProperty({ format: 'uuid' }) paymentId!: string;
  @ApiProperty({ description: 'Minor units' }) amount!: number;
  @ApiProperty({ format: 'date-time' }) paidAt!: string;
}

export class FollowUpReviewView {
  @ApiProperty({ format: 'uuid', description: 'The payment that held the last review back' }) afterPaymentId!: string;
  @ApiProperty({ format: 'date-time', description: 'When the booked review runs: 45 days after that payment' }) dueAt!: string;
}

export class AttorneyView {
  @ApiProperty({ example: 'att-ny-014' }) attorneyId!: string;
  @ApiProperty({ example: 'Hudson & Rowe LLP' }) attorneyName!: string;
  @ApiProperty({ example: 'US-NY' }) jurisdiction!: string;
  @ApiProperty({ format: 'date-time' }) forwardedAt!: string;
}

export class ClosingView {
  @ApiProperty({ example: 'paid-in-full' }) closingCode!: string;
  @ApiProperty({ format: 'date-time' }) closedAt!: string;
}

export class ReopeningView {
  @ApiProperty({ example: 'paid-in-full', description: 'The closing code of the closure it undid' }) previousClosingCode!: string;
  @ApiProperty({ example: 'payment-reversed' }) reason!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The payment whose reversal reopened the account' }) paymentId!: string | null;
  @ApiProperty({ format: 'date-time' }) reopenedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When the review booked by this reopening falls due: 45 days after it' }) reviewDueAt!: string;
}

export class CriterionVersionView {
  @ApiProperty({ example: 'balance-at-least-5000' }) rule!: string;
  @ApiProperty({ type: 'integer', example: 1 }) version!: number;
}

export class RecommendationApprovalView {
  @ApiProperty({ description: 'True: approved, the client is asked; false: declined' }) approved!: boolean;
  @ApiProperty({ description: 'The supervisor' }) by!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was declined; null when approved' }) reason!: string | null;
}

export class FeeScheduleView {
  @ApiProperty({ type: 'integer', description: 'Minor units' }) suitFee!: number;
  @ApiProperty({ type: 'integer', description: 'Basis points' }) contingencyBp!: number;
}

export class SuitView {
  @ApiProperty() court!: string;
  @ApiProperty() caseNumber!: string;
  @ApiProperty({ format: 'date-time' }) filedAt!: string;
}

export class DebtorResponseView {
  @ApiProperty({ enum: ['answered', 'defaulted'] }) response!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export class JudgmentView {
  @ApiProperty({ type: 'integer', description: 'Minor units' }) amount!: number;
  @ApiProperty({ type: 'integer', description: 'Minor units' }) interest!: number;
  @ApiProperty({ type: 'integer', description: 'Minor units' }) costs!: number;
  @ApiProperty({ format: 'date-time' }) enteredAt!: string;
}

export class EnforcementView {
  @ApiProperty({ enum: ['garnishment', 'bank-levy', 'lien'] }) method!: string;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
}

export class CollectionView {
  @ApiProperty({ format: 'uuid', description: 'The payment id payments posts it under (method attorney)' }) paymentId!: string;
  @ApiProperty({ type: 'integer', description: 'Minor units' }) amount!: number;
  @ApiProperty({ format: 'date-time' }) collectedAt!: string;
}

export class LegalClosingView {
  @ApiProperty({ enum: ['paid-in-full', 'settled', 'judgment-uncollectible', 'dismissed', 'withdrawn'] }) outcome!: string;
  @ApiProperty({ format: 'date-time' }) closedAt!: string;
}

/** The attorney's file: where the suit stands and what each milestone recorded. */
export class LitigationView {
  @ApiProperty({ enum: ['forwarded', 'acknowledged', 'suit-filed', 'served', 'answered', 'defaulted', 'judgment', 'enforcement', 'closed'] }) step!: string;
  @ApiProperty({ enum: ['forwarded', 'acknowledged', 'suit-filed', 'served', 'answered', 'defaulted', 'judgment', 'enforcement', 'collected', 'closed'] }) lastMilestone!: string;
  @ApiProperty({ format: 'date-time' }) lastMilestoneAt!: string;
  @ApiProperty({ type: FeeScheduleView, nullable: true, description: 'Null for a forwarding from before the panel' }) feeSchedule!: FeeScheduleView | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acknowledgedAt!: string | null;
  @ApiProperty({ type: SuitView, nullable: true }) suit!: SuitView | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) servedAt!: string | null;
  @ApiProperty({ type: DebtorResponseView, nullable: true }) response!: DebtorResponseView | null;
  @ApiProperty({ type: JudgmentView, nullable: true }) judgment!: JudgmentView | null;
  @ApiProperty({ type: [EnforcementView] }) enforcements!: EnforcementView[];
  @ApiProperty({ type: [CollectionView] }) collections!: CollectionView[];
  @ApiProperty({ type: LegalClosingView, nullable: true }) closing!: LegalClosingView | null;
}

/** A referral case as legal, supervisors and compliance read it. What is not there yet is null, never left out. */
export class ReferralView {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ enum: STAGES }) stage!: ReferralStage;
  @ApiProperty() commercial!: boolean;
  @ApiProperty({ description: 'Minor units' }) balance!: number;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ format: 'date-time' }) placedAt!: string;
  @ApiProperty({ format: 'date', example: '2026-01-31' }) oldestDueDate!: string;
  @ApiProperty({ type: DebtorView }) debtor!: DebtorView;
  @ApiProperty({ format: 'date-time', description: 'When the legal review booked at placement falls due (placement + 45 days)' }) reviewDueAt!: string;
  @ApiProperty({ type: LastPaymentView, nullable: true, description: 'The latest payment that still stands' }) lastPayment!: LastPaymentView | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the last legal review ran' }) reviewedAt!: string | null;
  @ApiProperty({ type: [String], description: 'The criteria the last review checked' }) rulesChecked!: string[];
  @ApiProperty({ type: [FailedRuleView], description: 'Why the last review did not recommend suit' }) failedRules!: FailedRuleView[];
  @ApiProperty({ type: [CriterionVersionView], description: 'The criteria with their versions, of a recommendation made since supervisor approval exists' }) criteria!: CriterionVersionView[];
  @ApiProperty({ type: RecommendationApprovalView, nullable: true, description: "The supervisor's decision on the last recommendation" }) approval!: RecommendationApprovalView | null;
  @ApiProperty({ type: FollowUpReviewView, nullable: true, description: 'The review the last one booked, when only a recent payment held it back' })
  followUpReview!: FollowUpReviewView | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) authorizedAt!: string | null;
  @ApiProperty({ type: AttorneyView, nullable: true, description: 'Once forwarded' }) attorney!: AttorneyView | null;
  @ApiProperty({ type: LitigationView, nullable: true, description: "The attorney's milestones, once forwarded (null again after a recall)" }) litigation!: LitigationView | null;
  @ApiProperty({ type: ClosingView, nullable: true, description: 'While the account is closed' }) closing!: ClosingView | null;
  @ApiProperty({ type: ReopeningView, nullable: true, description: 'The latest reopening of the account, if it was ever reopened' }) reopening!: ReopeningView | null;
}

/** The case as staff read it; no case is `referral-unknown` (404). */
export function referralView(accountId: string, state: ReferralState): ReferralView {
  if (state.stage === 'none') throw new Refused({ rule: 'referral-unknown', reason: `no referral case for account ${accountId}` });
  const payment = lastPayment(state);
  const review = state.lastReview;
  return {
    accountId: state.accountId,
    clientId: state.clientId,
    stage: state.stage,
    commercial: state.commercial,
    balance: state.balance,
    currency: state.currency,
    placedAt: state.placedAt,
    oldestDueDate: state.oldestDueDate,
    debtor: { country: state.debtorCountry, region: state.debtorRegion },
    reviewDueAt: state.reviewDueAt,
    lastPayment: payment ? { paymentId: payment.paymentId, amount: payment.amount, paidAt: payment.paidAt } : null,
    reviewedAt: review?.reviewedAt ?? null,
    rulesChecked: review?.rulesChecked ?? [],
    failedRules: review?.failedRules.map(({ rule, reason }) => ({ rule, reason })) ?? [],
    criteria: review?.criteria.map(({ rule, version }) => ({ rule, version })) ?? [],
    approval: state.approval && { ...state.approval },
    followUpReview: review?.followUpReview ? { afterPaymentId: review.followUpReview.afterPaymentId, dueAt: review.followUpReview.dueAt } : null,
    authorizedAt: state.authorizedAt,
    attorney: state.attorney && { attorneyId: state.attorney.attorneyId, attorneyName: state.attorney.attorneyName, jurisdiction: state.attorney.jurisdiction, forwardedAt: state.attorney.forwardedAt },
    litigation: state.litigation && { ...state.litigation, enforcements: [...state.litigation.enforcements], collections: [...state.litigation.collections] },
    closing: state.stage === 'closed' ? { closingCode: state.closing.closingCode, closedAt: state.closing.closedAt } : null,
    reopening: reopeningView(state.reopenings.at(-1)),
  };
}

function reopeningView(reopening: ReopeningView | undefined): ReopeningView | null {
  if (!reopening) return null;
  const { previousClosingCode, reason, paymentId, reopenedAt, reviewDueAt } = reopening;
  return { previousClosingCode, reason, paymentId, reopenedAt, reviewDueAt };
}
