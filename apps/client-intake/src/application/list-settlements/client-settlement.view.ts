import { ApiProperty } from '@nestjs/swagger';

export class ClientSettlementView {
  @ApiProperty({ format: 'uuid' }) settlementId!: string;
  @ApiProperty({ description: 'Minor units: what the debtor pays to settle' }) amount!: number;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ description: 'Minor units: the balance the offer was figured on' }) balance!: number;
  @ApiProperty({ description: 'The amount as a share of the balance, basis points' }) shareBp!: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Your settlement authority when it was offered, basis points' }) authorityBp!: number | null;
  @ApiProperty({ enum: ['awaiting-client', 'approved', 'declined'] }) status!: 'awaiting-client' | 'approved' | 'declined';
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) decidedAt!: string | null;
}
