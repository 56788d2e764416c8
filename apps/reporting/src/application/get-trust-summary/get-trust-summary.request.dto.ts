import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { AsOfRequest } from '../as-of.request.dto';

/** Whose trust figures (absent: every client's) and as of when. */
export class GetTrustSummaryRequest extends AsOfRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'One client\'s figures; absent: every client\'s' })
  @IsOptional()
  @IsUUID()
  clientId?: string;
}
