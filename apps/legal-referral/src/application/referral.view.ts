import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { lastPayment, ReferralCase, ReferralStage } from '../domain/referral/referral.state';
import { FailedRule, FollowUpReview } from '../domain/referral/referral.events';

export class FailedRuleView {
  @ApiProperty({ example: 'no-payment-in-45-days' }) rule!: string;
  @ApiProperty() reason!: string;
}

export class LastPaymentView {
  @ApiProperty() paymentId!: string;
  @ApiProperty({ description: 'Minor units' }) amount!: number;
  @ApiProperty() paidAt!: string;
}

export class FollowUpReviewView {
  @ApiProperty({ description: 'The payment that held the last review back' }) afterPaymentId!: string;
  @ApiProperty({ description: 'When the booked review runs: 45 days after that payment' }) dueAt!: string;
}

export class AttorneyView {
  @ApiProperty() attorneyId!: string;
  @ApiProperty() attorneyName!: string;
  @ApiProperty({ example: 'US-NY' }) jurisdiction!: string;
  @ApiProperty() forwardedAt!: string;
}

export class ReopeningView {
  @ApiProperty({ example: 'paid-in-full', description: 'The closing code of the closure it undid' }) previousClosingCode!: string;
  @ApiProperty({ example: 'payment-reversed' }) reason!: string;
  @ApiPropertyOptional({ nullable: true, description: 'The payment whose reversal reopened the account' }) paymentId!: string | null;
  @ApiProperty() reopenedAt!: string;
  @ApiProperty({ description: 'When the review booked by this reopening falls due: 45 days after it' }) reviewDueAt!: string;
}

/** A referral case as legal, supervisors and compliance read it. */
export class ReferralView {
  @ApiProperty() accountId!: string;
  @ApiProperty() clientId!: string;
  @ApiProperty({ enum: ['opened', 'recommended', 'not-recommended', 'authorized', 'forwarded', 'closed'] }) stage!: ReferralStage;
  @ApiProperty() commercial!: boolean;
  @ApiProperty({ description: 'Minor units' }) balance!: number;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty() placedAt!: string;
  @ApiProperty({ example: '2026-01-31' }) oldestDueDate!: string;
  @ApiProperty({ example: { country: 'US', region: 'NY' } }) debtor!: { country: string; region: string | null };
  @ApiProperty({ description: 'When the legal review booked at placement falls due (placement + 45 days)' }) reviewDueAt!: string;
  @ApiPropertyOptional({ type: LastPaymentView, nullable: true }) lastPayment!: LastPaymentView | null;
  @ApiPropertyOptional({ nullable: true, description: 'When the last legal review ran' }) reviewedAt!: string | null;
  @ApiProperty({ type: [String] }) rulesChecked!: string[];
  @ApiProperty({ type: [FailedRuleView], description: 'Why the last review did not recommend suit' }) failedRules!: FailedRule[];
  @ApiPropertyOptional({ type: FollowUpReviewView, nullable: true, description: 'The review the last one booked, when only a recent payment held it back' })
  followUpReview!: FollowUpReview | null;
  @ApiPropertyOptional({ nullable: true }) authorizedAt!: string | null;
  @ApiPropertyOptional({ type: AttorneyView, nullable: true }) attorney!: AttorneyView | null;
  @ApiPropertyOptional({ nullable: true, example: { closingCode: 'paid-in-full', closedAt: '2026-03-01T00:00:00.000Z' } })
  closing!: { closingCode: string; closedAt: string } | null;
  @ApiPropertyOptional({ type: ReopeningView, nullable: true, description: 'The latest reopening of the account, if it was ever reopened' })
  reopening!: ReopeningView | null;
}

export function referralView(referral: ReferralCase): ReferralView {
  const payment = lastPayment(referral);
  return {
    accountId: referral.accountId,
    clientId: referral.clientId,
    stage: referral.stage,
    commercial: referral.commercial,
    balance: referral.balance,
    currency: referral.currency,
    placedAt: referral.placedAt,
    oldestDueDate: referral.oldestDueDate,
    debtor: { country: referral.debtorCountry, region: referral.debtorRegion },
    reviewDueAt: referral.reviewDueAt,
    lastPayment: payment ? { paymentId: payment.paymentId, amount: payment.amount, paidAt: payment.paidAt } : null,
    reviewedAt: referral.lastReview?.reviewedAt ?? null,
    rulesChecked: referral.lastReview?.rulesChecked ?? [],
    failedRules: referral.lastReview?.failedRules ?? [],
    followUpReview: referral.lastReview?.followUpReview ?? null,
    authorizedAt: referral.authorizedAt,
    attorney: referral.attorney,
    closing: referral.stage === 'closed' ? { closingCode: referral.closing.closingCode, closedAt: referral.closing.closedAt } : null,
    reopening: referral.reopenings.at(-1) ?? null,
  };
}
