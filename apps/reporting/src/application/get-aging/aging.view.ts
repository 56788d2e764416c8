import { ApiProperty } from '@nestjs/swagger';
import { AGING_BUCKETS, AgingBucket, AgingBucketName, CurrencyAging } from '../../read-models/aging';
import type { AgingReport, ClientAging } from '../../read-models/analytics.queries';

export class AgingBucketView implements AgingBucket {
  @ApiProperty({ enum: AGING_BUCKETS.map((b) => b.bucket) }) bucket!: AgingBucketName;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Days past due, inclusive; null for the first bucket, which also holds items not yet due' }) minDays!: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Days past due, inclusive; null for the last bucket' }) maxDays!: number | null;
  @ApiProperty({ type: 'integer', description: 'Open amount of the items in the bucket, minor units' }) amount!: number;
  @ApiProperty({ type: 'integer', description: 'Accounts with an open item in the bucket (an account may count in several)' }) accounts!: number;
}

export class CurrencyAgingView implements CurrencyAging {
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ type: [AgingBucketView], description: 'The six buckets in order, zeros included' }) buckets!: AgingBucketView[];
  @ApiProperty({ type: 'integer', description: 'Everything open, minor units' }) total!: number;
  @ApiProperty({ type: 'integer', description: 'Accounts with anything open' }) accounts!: number;
}

export class ClientAgingView implements ClientAging {
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ type: [CurrencyAgingView] }) currencies!: CurrencyAgingView[];
}

/** Open balances by days past due as of the end of a day, per currency; for the agency, per client too. */
export class AgingView implements AgingReport {
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The client; null for the whole agency' }) clientId!: string | null;
  @ApiProperty({ format: 'date' }) asOf!: string;
  @ApiProperty({ type: [CurrencyAgingView], description: 'Per currency, in code order (two currencies never add up)' }) currencies!: CurrencyAgingView[];
  @ApiProperty({ type: [ClientAgingView], description: 'Each client with anything open, in id order' }) clients!: ClientAgingView[];
}
