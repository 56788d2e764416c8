import { ApiProperty } from '@nestjs/swagger';
import type { LegalStage } from '@lib/contracts';
import { LEGAL_STAGES } from '../../read-models/legal-pipeline.projection';
import type { LegalPipelineAccount, LegalPipelineReport } from '../../read-models/reporting.queries';

/** Open accounts per stage; every stage is listed, zero included. */
export class LegalStageCountsView implements Record<LegalStage, number> {
  @ApiProperty({ type: 'integer' }) recommended!: number;
  @ApiProperty({ type: 'integer' }) authorized!: number;
  @ApiProperty({ type: 'integer' }) forwarded!: number;
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
  @ApiProperty({ type: [LegalPipelineAccountView] }) accounts!: LegalPipelineAccountView[];
}
