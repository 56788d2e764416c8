import { ApiProperty } from '@nestjs/swagger';

/** A letter of the case: what it is, where it stands, and how to fetch its PDF. */
export class LetterView {
  @ApiProperty({ format: 'uuid' }) letterId!: string;
  @ApiProperty({ example: 'first-notice' }) purpose!: string;
  @ApiProperty({ example: 'validation-notice' }) templateId!: string;
  @ApiProperty({ example: 1 }) templateVersion!: number;
  @ApiProperty({ enum: ['queued', 'sent', 'cancelled', 'failed'] }) status!: 'queued' | 'sent' | 'cancelled' | 'failed';
  @ApiProperty({ format: 'date-time' }) queuedAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) sentAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Once sent: SHA-256 (hex) of the PDF sent; the download has the same bytes' }) contentSha256!: string | null;
  @ApiProperty({ example: '/accounts/5b1c.../letters/9f2e....pdf' }) href!: string;
}
