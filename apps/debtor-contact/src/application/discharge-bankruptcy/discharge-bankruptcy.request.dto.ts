import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, Matches } from 'class-validator';

export class DischargeBankruptcyRequest {
  @ApiProperty({ example: '2026-04-15', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'The date of the discharge order: on or after the filing, not in the future.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dischargedOn must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  dischargedOn!: string;
}

export class BankruptcyDischargedAnswer {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ format: 'uuid' }) holdId!: string;
  @ApiProperty({ example: '1:26-bk-10001' }) caseNumber!: string;
  @ApiProperty({ format: 'date' }) dischargedOn!: string;
}
