import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class OnboardClientRequest {
  @ApiProperty({ example: 'Northwind Supplies Inc.', minLength: 1, maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;
}

/** A client agreement version: the terms every account placed under it is worked by. */
export class AgreementAnswer {
  @ApiProperty({ format: 'date-time' }) effectiveFrom!: string;
  @ApiProperty({ enum: ['default'], description: '25% within 365 days of the oldest due date, 33% after' }) ratePlan!: 'default';
  @ApiProperty({ description: 'Commission on what is collected once forwarded to an attorney, basis points' }) legalRateBp!: number;
  @ApiProperty({ enum: ['net', 'gross', 'combined'] }) remittance!: 'net' | 'gross' | 'combined';
  @ApiProperty({ enum: ['monthly'] }) remittancePeriod!: 'monthly';
  @ApiProperty({ description: 'Days a payment is held before it counts as cleared funds' }) clearedFundsHoldDays!: number;
  @ApiProperty({ description: 'The lowest share of the balance the agency may settle for without asking the client, basis points' }) settlementAuthorityBp!: number;
}

export class OnboardedClientAnswer {
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: AgreementAnswer }) agreement!: AgreementAnswer;
}
