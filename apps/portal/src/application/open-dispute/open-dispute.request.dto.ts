import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export const DISPUTE_REASONS = ['not-mine', 'already-paid', 'wrong-amount', 'goods-or-services', 'other'] as const;

export class DisputeForm {
  @IsIn(DISPUTE_REASONS) reason!: string;
  @IsOptional() @IsString() @MaxLength(2000) details?: string;
}

/** The uploaded document as the upload handler (multer) hands it over. */
export interface UploadedDocument {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}
