import { ApiProperty } from '@nestjs/swagger';
import { REASON_CODES } from '../../read-models/work-queue.priority';
import type { ReasonCode } from '../../read-models/work-queue.priority';

export const QUEUE_BANDS = ['broken-promise', 'promise-due-today', 'plan-installment-missed', 'call-due', 'legal-review-due', 'open'] as const;
export type QueueBand = (typeof QUEUE_BANDS)[number];

export class QueueReasonView {
  @ApiProperty({ enum: REASON_CODES }) code!: ReasonCode;
  @ApiProperty({ description: 'For a person: the fact behind the reason' }) detail!: string;
}

export class CallingWindowView {
  @ApiProperty({ description: "Inside the debtor's calling window now, in every zone the debtor may be in" }) openNow!: boolean;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Minutes until it closes; null while it is not open' }) minutesLeft!: number | null;
  @ApiProperty({ type: [String] }) timeZones!: string[];
}

export class WorkQueueEntryView {
  @ApiProperty({ minimum: 1, description: 'Place in this answer' }) position!: number;
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty() clientId!: string;
  @ApiProperty() debtorName!: string;
  @ApiProperty({ type: 'string', nullable: true, description: 'The collector it is assigned to; null: unassigned' }) assignee!: string | null;
  @ApiProperty({ description: 'Assigned to the caller (these come first)' }) assignedToYou!: boolean;
  @ApiProperty({ enum: QUEUE_BANDS, description: 'What brought it up, the first criterion of the order' }) band!: QueueBand;
  @ApiProperty({ type: 'integer', description: 'Minor units (the placed amount)' }) balance!: number;
  @ApiProperty() currency!: string;
  @ApiProperty({ type: 'integer', description: 'Days since the case opened' }) ageDays!: number;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) lastContactAt!: string | null;
  @ApiProperty({ type: CallingWindowView }) callingWindow!: CallingWindowView;
  @ApiProperty({ type: [QueueReasonView], description: 'Why it is here, the weightiest first' }) reasons!: QueueReasonView[];
}

export class WorkQueueView {
  @ApiProperty({ description: 'Who the queue is for' }) collectorId!: string;
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty({ type: [WorkQueueEntryView] }) entries!: WorkQueueEntryView[];
}
