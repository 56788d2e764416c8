import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsUUID } from 'class-validator';

export class TrustReconciliationRequest {
  @ApiPropertyOptional({ format: 'uuid', description: "One client's part of the trust account; all clients when absent" })
  @IsOptional()
  @IsUUID()
  clientId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'The ledger as it stood at this instant (events recorded at or before it); now when absent' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  asOf?: string;
}
