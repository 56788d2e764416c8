import { ApiProperty } from '@nestjs/swagger';
import { SKIP_EVIDENCE, SkipEvidence } from '../../domain/holds/hold.events';

/** An account in skip: the debtor cannot be reached until skip tracing finds new contact data. */
export class SkipQueueEntryView {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty() clientId!: string;
  @ApiProperty({ format: 'uuid' }) holdId!: string;
  @ApiProperty({ enum: SKIP_EVIDENCE }) evidence!: SkipEvidence;
  @ApiProperty({ example: '+12125550100 reached a florist' }) detail!: string;
  @ApiProperty({ format: 'date-time' }) since!: string;
}
