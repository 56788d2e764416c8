import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACCOUNT_CATEGORIES, displayTerms, HALF_FEE_CASES, LEGAL_REFERRAL_AUTHORITIES, REMITTANCE_PERIODS, REMITTANCE_TYPES } from '../../domain/client/agreement-terms';
import type { AgreementVersion } from '../../domain/client/client.state';

const MONEY = 'Major units of the agreement currency as a decimal string, at most as many decimals as the currency has (USD "300.00", JPY "300", BHD "300.000")';

export class RateTierDto {
  @ApiProperty({ example: 'nsf', description: 'Stamped on every payment this tier charges' }) tierId!: string;
  @ApiProperty({ minimum: 0, maximum: 10_000, example: 5_000 }) rateBp!: number;
  @ApiPropertyOptional({ enum: ACCOUNT_CATEGORIES }) category?: string;
  @ApiPropertyOptional({ description: 'Age at placement (days from the oldest due date), inclusive' }) minAgeDays?: number;
  @ApiPropertyOptional({ description: 'Exclusive' }) maxAgeDays?: number;
  @ApiPropertyOptional({ description: `Amount placed, inclusive. ${MONEY}`, example: '50000.00' }) minPlacedAmount?: string;
  @ApiPropertyOptional({ description: `Exclusive. ${MONEY}` }) maxPlacedAmount?: string;
}

export class CollectedThresholdDto {
  @ApiProperty({ example: '300.00', description: `Collected to date up to this amount earns rateBp. ${MONEY}` }) upTo!: string;
  @ApiProperty({ minimum: 0, maximum: 10_000, example: 5_000 }) rateBp!: number;
}

export class RatePlanDto {
  @ApiProperty({ example: 'northwind-2026' }) planId!: string;
  @ApiProperty({ minimum: 0, maximum: 10_000, example: 2_500, description: 'The rate when no tier matches' }) baseRateBp!: number;
  @ApiPropertyOptional({ type: [RateTierDto], description: 'Tried in order; the first whose every condition holds wins' }) tiers?: RateTierDto[];
  @ApiPropertyOptional({ type: [CollectedThresholdDto], description: 'Ascending; above the last, the tier rate ("first 300.00 at 50%, then 20%")' }) collectedThresholds?: CollectedThresholdDto[];
  @ApiPropertyOptional({ type: String, nullable: true, description: `Per payment, never above the amount applied. ${MONEY}` }) minimumFee?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: `Per account: all its commission together. ${MONEY}` }) maximumFee?: string | null;
  @ApiProperty({ minimum: 0, maximum: 10_000, example: 4_000, description: 'Replaces every other rate once the account is with an attorney' }) legalRateBp!: number;
  @ApiPropertyOptional({ enum: HALF_FEE_CASES, isArray: true, description: 'Payments of these kinds earn half the commission' }) halfFeeCases?: string[];
}

export class HoldDaysDto {
  @ApiProperty({ minimum: 0, maximum: 90 }) ach!: number;
  @ApiProperty({ minimum: 0, maximum: 90 }) card!: number;
  @ApiProperty({ minimum: 0, maximum: 90 }) check!: number;
  @ApiProperty({ minimum: 0, maximum: 90 }) wire!: number;
  @ApiProperty({ minimum: 0, maximum: 90 }) cash!: number;
}

export class LegalReferralTermsDto {
  @ApiProperty({ enum: LEGAL_REFERRAL_AUTHORITIES, description: 'Whether each suit needs the client’s approval or is pre-authorized' }) authority!: string;
  @ApiProperty({ example: '5000.00', description: `Lowest balance referred to an attorney. ${MONEY}` }) minimumBalance!: string;
  @ApiPropertyOptional({ description: 'true: once the attorney closes its file, payments earn the contingency rate again, not the legal rate. Absent or false: the legal rate stays' }) legalRateEndsOnClose?: boolean;
}

export class CostAdvanceDto {
  @ApiProperty({ description: 'The client advances court costs and suit fees' }) clientAdvancesCosts!: boolean;
  @ApiProperty({ example: '500.00', description: `Costs above this need the client’s approval. ${MONEY}` }) approvalAbove!: string;
}

export class CancellationFeeDto {
  @ApiProperty({ example: '25.00', description: `Owed for a recall after work began. ${MONEY}` }) flat!: string;
  @ApiProperty({ minimum: 0, maximum: 10_000, description: 'Plus this share of the balance recalled' }) rateOfBalanceBp!: number;
}

export class PreCollectionTermsDto {
  @ApiProperty({ minimum: 1, maximum: 180, example: 30, description: 'Days from placement until an unpaid account converts to third-party collection' }) windowDays!: number;
  @ApiProperty({ type: [Number], example: [0, 7, 14], minItems: 1, maxItems: 20, description: "Days from placement a reminder goes out in the client's name: ascending, each below windowDays" })
  reminderDays!: number[];
  @ApiProperty({ example: '15.00', description: `Owed once per pre-collection account, instead of commission in the window. ${MONEY}` }) flatFee!: string;
}

export class SetAgreementRequest {
  @ApiPropertyOptional({ format: 'date-time', description: 'When the version takes effect: not before now, and after the latest version. Default: now' }) effectiveFrom?: string;
  @ApiProperty({ example: 'USD', description: 'ISO 4217; every amount of the agreement is in it' }) currency!: string;
  @ApiProperty({ type: RatePlanDto }) ratePlan!: RatePlanDto;
  @ApiProperty({ enum: REMITTANCE_TYPES }) remittance!: string;
  @ApiProperty({ enum: REMITTANCE_PERIODS }) remittancePeriod!: string;
  @ApiProperty({ type: HoldDaysDto, description: 'Cleared-funds hold per payment method, days' }) clearedFundsHoldDays!: HoldDaysDto;
  @ApiProperty({ minimum: 0, maximum: 10_000, description: 'The lowest share of the balance the agency may settle for without asking' }) settlementAuthorityBp!: number;
  @ApiProperty({ type: LegalReferralTermsDto }) legalReferral!: LegalReferralTermsDto;
  @ApiProperty({ type: CostAdvanceDto }) costAdvance!: CostAdvanceDto;
  @ApiProperty({ type: CancellationFeeDto }) cancellationFee!: CancellationFeeDto;
  @ApiPropertyOptional({ type: PreCollectionTermsDto, description: 'Absent: the client may not place accounts as pre-collection (docs/domain.md, "Pre-collection")' })
  preCollection?: PreCollectionTermsDto;
}

/** A version as recorded: the terms as entered (money in major units), with its number and dates. */
export class AgreementVersionAnswer extends SetAgreementRequest {
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ minimum: 1, description: 'Numbered from 1 per client' }) version!: number;
  @ApiProperty({ format: 'date-time' }) declare effectiveFrom: string;
  @ApiProperty({ format: 'date-time', description: 'When the admin set it' }) recordedAt!: string;
}

export function agreementVersionAnswer(version: AgreementVersion): AgreementVersionAnswer {
  return { clientId: version.clientId, version: version.version, effectiveFrom: version.effectiveFrom, recordedAt: version.recordedAt, ...displayTerms(version.terms) };
}
