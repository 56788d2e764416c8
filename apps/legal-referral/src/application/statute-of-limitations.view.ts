import { ApiProperty } from '@nestjs/swagger';
import { Refused } from '@lib/platform';
import { CLAIM_TYPES, ClaimType } from '../domain/statute-of-limitations/limitation-period';
import { caseLimitations } from '../domain/statute-of-limitations/case-limitations';
import type { ReferralState } from '../domain/referral/referral.state';
import { isTimeBarred } from '../domain/statute-of-limitations/statute-of-limitations';

const CONFIDENCES = ['high', 'medium', 'low'];

export class LimitationPeriodView {
  @ApiProperty({ example: 6 }) years!: number;
  @ApiProperty({ example: 'N.Y. C.P.L.R. § 213(2)', description: 'The statute section the period comes from' }) citation!: string;
  @ApiProperty({ enum: CONFIDENCES, description: 'How sure the table is (docs/legal-referral.md): low entries need a legal check' }) confidence!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
}

export class RevivalRuleView {
  @ApiProperty({ description: 'A partial payment restarts the period in this jurisdiction' }) byPayment!: boolean;
  @ApiProperty({ description: 'A signed written acknowledgement restarts the period in this jurisdiction' }) byWrittenAcknowledgement!: boolean;
  @ApiProperty({ example: 'N.Y. Gen. Oblig. Law § 17-101' }) citation!: string;
  @ApiProperty({ enum: CONFIDENCES }) confidence!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
}

export class ClockStartView {
  @ApiProperty({ enum: ['delinquency', 'payment', 'written-acknowledgement'] }) kind!: string;
  @ApiProperty({ format: 'date' }) on!: string;
}

export class AcknowledgementView {
  @ApiProperty({ format: 'uuid' }) acknowledgementId!: string;
  @ApiProperty({ format: 'date' }) acknowledgedOn!: string;
  @ApiProperty() description!: string;
}

export class TollingView {
  @ApiProperty({ format: 'uuid' }) tollingId!: string;
  @ApiProperty({ enum: ['bankruptcy-stay', 'other'] }) reason!: string;
  @ApiProperty({ format: 'date' }) startsOn!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Null while the clock still stands still' }) endsOn!: string | null;
  @ApiProperty() note!: string;
}

/** The statute of limitations of one account: its date and why, as legal reads it. */
export class StatuteOfLimitationsView {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ example: 'US-NY', description: "The debtor's jurisdiction, from the placement" }) jurisdiction!: string;
  @ApiProperty({ enum: CLAIM_TYPES }) claimType!: ClaimType;
  @ApiProperty({ type: LimitationPeriodView, nullable: true, description: 'Null when the table has no entry for the jurisdiction' }) period!: LimitationPeriodView | null;
  @ApiProperty({ type: RevivalRuleView, nullable: true }) revival!: RevivalRuleView | null;
  @ApiProperty({ type: ClockStartView, description: 'Where the period last started: the delinquency, or a payment or acknowledgement that restarted it' }) runsFrom!: ClockStartView;
  @ApiProperty({ description: 'Days the period was held still by tolling since it last started' }) tolledDays!: number;
  @ApiProperty({ type: TollingView, nullable: true, description: 'The tolling that holds the clock still now, if any' }) tolledSince!: TollingView | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'The first day suit is barred; null while tolled or without a table entry' }) expiresOn!: string | null;
  @ApiProperty({ description: 'Barred at the time of the request' }) timeBarred!: boolean;
  @ApiProperty({ example: '6 years (N.Y. C.P.L.R. § 213(2), open-account) from 2026-01-31 (the oldest due date): barred from 2032-01-31' }) reason!: string;
  @ApiProperty({ type: [AcknowledgementView] }) acknowledgements!: AcknowledgementView[];
  @ApiProperty({ type: [TollingView] }) tollings!: TollingView[];
}

/** The account's statute of limitations at `now`; no case is `referral-unknown` (404). */
export function statuteOfLimitationsView(accountId: string, state: ReferralState, now: Date): StatuteOfLimitationsView {
  if (state.stage === 'none') throw new Refused({ rule: 'referral-unknown', reason: `no referral case for account ${accountId}` });
  const status = caseLimitations(state);
  const tolling = (t: { tollingId: string; reason: string; startsOn: string; endsOn: string | null; note?: string }): TollingView => ({ tollingId: t.tollingId, reason: t.reason, startsOn: t.startsOn, endsOn: t.endsOn, note: t.note ?? '' });
  return {
    accountId: state.accountId,
    jurisdiction: status.jurisdiction,
    claimType: status.claimType,
    period: status.period && { years: status.period.years, citation: status.period.citation, confidence: status.period.confidence, note: status.period.note ?? null },
    revival: status.revival && { byPayment: status.revival.byPayment, byWrittenAcknowledgement: status.revival.byWrittenAcknowledgement, citation: status.revival.citation, confidence: status.revival.confidence, note: status.revival.note ?? null },
    runsFrom: { kind: status.runsFrom.kind, on: status.runsFrom.on },
    tolledDays: status.tolledDays,
    tolledSince: status.tolledSince && tolling(status.tolledSince),
    expiresOn: status.expiresOn,
    timeBarred: isTimeBarred(status, now),
    reason: status.reason,
    acknowledgements: state.limitations.acknowledgements.map(({ acknowledgementId, acknowledgedOn, description }) => ({ acknowledgementId, acknowledgedOn, description })),
    tollings: state.limitations.tollings.map(tolling),
  };
}
