import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class CancelAccountRequest {
  @ApiProperty({ description: 'Why the agency returns the account, kept on the record.', minLength: 1, maxLength: 500 })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}

export class ClosedAnswer {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ description: 'The closing code the account closed with.' }) closingCode!: string;
}
