import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

/**
 * Forward to a panel attorney. Name one to have it checked (it covers the debtor's
 * jurisdiction and has a place left), or leave it out for the panel's rule to pick. An
 * attorney named in free text (name, jurisdiction) is no longer taken: unknown fields are 400.
 */
export class ForwardToAttorneyRequest {
  @ApiPropertyOptional({ description: "A panel attorney's id; absent: the panel picks (docs/legal-referral.md, \"The attorney panel\")", format: 'uuid' })
  @IsOptional()
  @IsUUID()
  attorneyId?: string;
}
