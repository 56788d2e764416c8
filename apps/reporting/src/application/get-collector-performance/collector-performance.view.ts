import { ApiProperty } from '@nestjs/swagger';
import type { CollectorPerformanceReport } from '../../read-models/analytics.queries';
import type { CollectorFigures, CurrencyAmount } from '../../read-models/collector-performance';

export class CurrencyAmountView implements CurrencyAmount {
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ type: 'integer', description: 'Minor units' }) amount!: number;
}

export class CollectorFiguresView implements CollectorFigures {
  @ApiProperty() collectorId!: string;
  @ApiProperty({ type: 'integer', description: 'Contact attempts recorded' }) contacts!: number;
  @ApiProperty({ type: 'integer' }) rightPartyContacts!: number;
  @ApiProperty({ type: 'integer' }) promisesMade!: number;
  @ApiProperty({ type: 'integer', description: 'Promises this collector took that were found kept in the period (debtor contact’s PromiseKept.v1; 0 until it publishes them)' }) promisesKept!: number;
  @ApiProperty({ type: 'integer', description: 'Promises this collector took that were found broken in the period (PromiseBroken.v1)' }) promisesBroken!: number;
  @ApiProperty({ type: [CurrencyAmountView], description: 'Payments credited to the collector (the latest promise before each payment, else the latest right-party contact), allocated to the debt, less reversals; per currency' })
  collected!: CurrencyAmountView[];
}

/** Per collector, what they did and brought in over a period, each fact in the period of its business date. */
export class CollectorPerformanceView implements CollectorPerformanceReport {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ type: [CollectorFiguresView], description: 'In collector id order' }) collectors!: CollectorFiguresView[];
  @ApiProperty({ type: [CurrencyAmountView], description: 'Collected on accounts no collector had a promise or a right-party contact on before the payment' }) unattributed!: CurrencyAmountView[];
}
