import { ApiProperty } from '@nestjs/swagger';
import type { LegalStage } from '@lib/contracts';
import { LEGAL_STAGES } from '../../read-models/legal-pipeline.projection';
import type { LegalPipelineAccount, LegalPipelineReport, LegalStageSummary } from '../../read-models/reporting.queries';

/** Open accounts per stage; every stage is listed, zero included. */
export class LegalStageCountsView implements Record<LegalStage, number> {
  @ApiProperty({ type: 'integer' }) 'not-recommended'!: number;
  @ApiProperty({ type: 'integer' }) 'pending-approval'!: number;
  @ApiProperty({ type: 'integer' }) recommended!: number;
  @ApiProperty({ type: 'integer' }) authorized!: number;
  @ApiProperty({ type: 'integer' }) forwarded!: number;
  @ApiProperty({ type: 'integer' }) acknowledged!: number;
  @ApiProperty({ type: 'integer' }) 'suit-filed'!: number;
  @ApiProperty({ type: 'integer' }) served!: number;
  @ApiProperty({ type: 'integer' }) answered!: number;
  @ApiProperty({ type: 'integer' }) defaulted!: number;
  @ApiProperty({ type: 'integer' }) judgment!: number;
  @ApiProperty({ type: 'integer' }) enforcement!: number;
  @ApiProperty({ type: 'integer' }) collected!: number;
  @ApiProperty({ type: 'integer' }) recalled!: number;
  @ApiProperty({ type: 'integer' }) closed!: number;
}

export class StageAmountView {
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ type: 'integer', description: 'Minor units' }) amount!: number;
}

export class LegalStageSummaryView implements LegalStageSummary {
  @ApiProperty({ enum: [...LEGAL_STAGES] }) stage!: LegalStage;
  @ApiProperty({ type: 'integer', description: 'Open accounts in the stage now' }) count!: number;
  @ApiProperty({ type: [StageAmountView], description: 'Their balances, per currency' }) amounts!: StageAmountView[];
  @ApiProperty({ type: Number, nullable: true, description: 'Average days the listed accounts spent in the stage (past stints and the current one to now), over those ever in it; null when none was' })
  averageDaysInStage!: number | null;
}

export class LegalPipelineAccountView implements LegalPipelineAccount {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ enum: [...LEGAL_STAGES] }) stage!: LegalStage;
  @ApiProperty({ type: 'integer', description: 'Minor units of `currency`, as of the latest stage change' }) balance!: number;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null until the account is forwarded to an attorney' }) attorneyId!: string | null;
  @ApiProperty({ format: 'date-time', description: 'When the account reached its stage' }) changedAt!: string;
}

/** The open legal pipeline: counts by stage and the accounts, oldest stage change first. */
export class LegalPipelineView implements LegalPipelineReport {
  @ApiProperty({ type: LegalStageCountsView }) byStage!: LegalStageCountsView;
  @ApiProperty({ type: [LegalStageSummaryView], description: 'Every stage in pipeline order: count, amounts and time spent in it' }) stages!: LegalStageSummaryView[];
  @ApiProperty({ type: [LegalPipelineAccountView] }) accounts!: LegalPipelineAccountView[];
}
