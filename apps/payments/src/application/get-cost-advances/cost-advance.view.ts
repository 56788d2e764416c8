import { ApiProperty } from '@nestjs/swagger';
import { COST_ADVANCE_KINDS, CostAdvanceKind } from '../../domain/cost-advances/cost-advance.events';
import { CostAdvance, heldOf, statusOf } from '../../domain/cost-advances/cost-advances.state';

/** One cost advance of an account: every figure a running total of its events, minor units. */
export class CostAdvanceView {
  @ApiProperty({ format: 'uuid' }) advanceId!: string;
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ enum: COST_ADVANCE_KINDS }) kind!: CostAdvanceKind;
  @ApiProperty() description!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ description: 'Asked of the client' }) requested!: number;
  @ApiProperty({ description: 'Received from the client into trust' }) received!: number;
  @ApiProperty({ description: 'Paid out of trust on costs' }) spent!: number;
  @ApiProperty({ description: 'Of what was spent, added to a judgment against the debtor' }) recovered!: number;
  @ApiProperty({ description: 'Paid back to the client, unused' }) refunded!: number;
  @ApiProperty({ description: 'Still in trust: received − spent − refunded' }) held!: number;
  @ApiProperty({ enum: ['requested', 'held', 'spent', 'refunded'], description: 'requested: nothing received yet; held: trust holds some; spent: all received was spent; refunded: the rest went back' }) status!: string;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
}

export function costAdvanceView(advance: CostAdvance): CostAdvanceView {
  const { advanceId, accountId, clientId, kind, description, currency, requested, received, spent, recovered, refunded, requestedAt } = advance;
  return { advanceId, accountId, clientId, kind, description, currency, requested, received, spent, recovered, refunded, held: heldOf(advance), status: statusOf(advance), requestedAt };
}
