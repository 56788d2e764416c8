import { ApiProperty } from '@nestjs/swagger';
import { SETTLEMENT_STATUSES } from '../offer-settlement/offer-settlement.request.dto';
import type { SettlementStatus } from '../../domain/settlements/settlement.state';

export class SettlementView {
  @ApiProperty({ format: 'uuid' }) settlementId!: string;
  @ApiProperty({ description: 'Minor units' }) amount!: number;
  @ApiProperty() currency!: string;
  @ApiProperty({ description: 'Minor units: the balance the offer was figured on' }) balance!: number;
  @ApiProperty() shareBp!: number;
  @ApiProperty({ type: 'integer', nullable: true }) authorityBp!: number | null;
  @ApiProperty({ enum: SETTLEMENT_STATUSES }) status!: SettlementStatus;
  @ApiProperty({ description: 'Minor units: the payments posted since the offer' }) paid!: number;
  @ApiProperty({ format: 'date-time' }) offeredAt!: string;
}

export class SettlementsView {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Minor units: the balance payments last reported; null before any report' }) balance!: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: "The client's settlement authority in force now, basis points; null when no agreement of the client was heard" }) authorityBp!: number | null;
  @ApiProperty({ type: [SettlementView], description: 'Oldest first' }) settlements!: SettlementView[];
}
