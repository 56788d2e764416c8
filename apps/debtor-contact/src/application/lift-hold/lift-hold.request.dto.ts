import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { HOLD_KINDS, HoldKind } from '../../domain/holds/hold.events';

export class LiftHoldRequest {
  @ApiProperty({ minLength: 1, maxLength: 500, example: 'client released the account' }) @IsString() @MinLength(1) @MaxLength(500) reason!: string;
}

export class HoldLiftedAnswer {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ format: 'uuid' }) holdId!: string;
  @ApiProperty({ enum: HOLD_KINDS }) kind!: HoldKind;
  @ApiProperty({ format: 'date-time' }) liftedAt!: string;
}
