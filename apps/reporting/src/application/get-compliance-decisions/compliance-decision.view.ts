import { ApiProperty } from '@nestjs/swagger';
import { Decision, DECISIONS } from '../../read-models/compliance-decisions.projection';
import type { DecisionPage } from '../../read-models/compliance-decisions.queries';

/** One allow/deny decision of a rule, as the service recorded it. */
export class ComplianceDecisionView {
  @ApiProperty({ format: 'date-time', description: 'When the service recorded the event carrying the decision' }) decidedAt!: string;
  @ApiProperty({ example: 'call-window' }) rule!: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'The rule\'s version, where the service versions its rules' }) ruleVersion!: number | null;
  @ApiProperty({ enum: DECISIONS }) decision!: Decision;
  @ApiProperty({ type: String, nullable: true, description: 'Why it denied (or what it noted)' }) reason!: string | null;
  @ApiProperty({ example: 'ContactAttemptRefused', description: 'The recorded event that carries the decision' }) action!: string;
  @ApiProperty({ type: String, nullable: true, example: 'phone' }) channel!: string | null;
  @ApiProperty({ example: 'debtor-contact' }) service!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) accountId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) clientId!: string | null;
  @ApiProperty({ example: 'collector' }) actorRole!: string;
  @ApiProperty() actorId!: string;
  @ApiProperty() eventId!: string;
  @ApiProperty() streamId!: string;
  @ApiProperty({ type: 'integer' }) version!: number;
}

export class ComplianceDecisionPageView implements DecisionPage {
  @ApiProperty({ type: [ComplianceDecisionView], description: 'In the order they were recorded' }) decisions!: ComplianceDecisionView[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page' }) nextCursor!: string | null;
}
