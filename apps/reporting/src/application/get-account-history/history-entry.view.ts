import { ApiProperty } from '@nestjs/swagger';
import type { HistoryEntry, TimelineEntry } from '../../read-models/reporting.queries';

export class ActorView {
  @ApiProperty({ enum: ['client', 'collector', 'supervisor', 'accountant', 'legal', 'compliance', 'admin', 'system', 'attorney'] }) role!: string;
  @ApiProperty() id!: string;
}

/** One stored event of an account, as the people working it may see it: who, what, when and why, without its data. */
export class TimelineEntryView implements TimelineEntry {
  @ApiProperty({ enum: ['client-intake', 'debtor-contact', 'payments', 'legal-referral', 'portal'], description: 'The service that stored the event (portal: what debtors did there)' }) service!: string;
  @ApiProperty({ example: 'account-1b4e28ba-2fa1-11d2-883f-0016d3cca427' }) streamId!: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Position in its stream, from 0' }) version!: number;
  @ApiProperty({ example: 'AccountPlaced' }) type!: string;
  @ApiProperty() eventId!: string;
  @ApiProperty({ type: ActorView, description: 'Who did it' }) actor!: ActorView;
  @ApiProperty({ format: 'date-time', description: 'When it was recorded (as recordedAt)' }) occurredAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When it was recorded: for an imported event, when the import ran' }) recordedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'The business date it stands for: recordedAt, or the original date of an imported event (docs/domain.md, "Business dates")' }) effectiveAt!: string;
  @ApiProperty() correlationId!: string;
  @ApiProperty({ description: 'The request, message or event that caused it' }) causationId!: string;
}

/** One stored event of an account, whole: the compliance audit trail. */
export class HistoryEntryView extends TimelineEntryView implements HistoryEntry {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The event as its service stored it' }) data!: Record<string, unknown>;
}
