import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class RecallAccountRequest {
  @ApiPropertyOptional({ description: 'A supervisor forces the recall past its refusals (payment in hold, plan active, dispute open); needs `reason`.' })
  @IsOptional()
  @IsBoolean()
  force?: boolean;

  @ApiPropertyOptional({ description: 'Why: required when forcing, kept on the record.', minLength: 1, maxLength: 500 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason?: string;
}

export class RecallAnswer {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ enum: ['recalled'] }) closingCode!: 'recalled';
  @ApiProperty({ description: 'Work had begun (a contact attempt recorded or a payment posted by the agency).' }) workBegan!: boolean;
  @ApiProperty({ description: 'Cancellation fee owed by the client, minor units.' }) cancellationFee!: number;
  @ApiProperty() currency!: string;
  @ApiProperty({ description: 'The refusals a supervisor overrode; empty when not forced.', type: [String] }) overrides!: string[];
}
