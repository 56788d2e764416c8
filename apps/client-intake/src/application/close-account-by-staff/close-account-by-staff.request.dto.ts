import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { STAFF_CLOSING_ROLES } from '../../domain/account/close-account-by-staff.decide';
import type { ClosingCode } from '../../domain/account/account.events';

const STAFF_CLOSING_CODES = Object.keys(STAFF_CLOSING_ROLES) as ClosingCode[];

export class CloseAccountByStaffRequest {
  @ApiProperty({ enum: STAFF_CLOSING_CODES, description: 'A closing code with no command of its own; each is for the roles of the table in docs/client-intake.md.' })
  @IsIn(STAFF_CLOSING_CODES)
  closingCode!: ClosingCode;

  @ApiProperty({ description: 'Why, kept on the record.', minLength: 1, maxLength: 500 })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}
