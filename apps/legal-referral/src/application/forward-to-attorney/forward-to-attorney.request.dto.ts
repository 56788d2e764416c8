import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

const JURISDICTION = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;

export class ForwardToAttorneyRequest {
  @ApiProperty({ description: "The receiving attorney's id in the agency's panel", example: 'att-ny-014', minLength: 1, maxLength: 64 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  attorneyId!: string;

  @ApiProperty({ example: 'Hudson & Rowe LLP', minLength: 1, maxLength: 200 }) @IsString() @IsNotEmpty() @MaxLength(200) attorneyName!: string;

  @ApiProperty({ description: 'Where the attorney sues: ISO 3166-1 country, optionally with its ISO 3166-2 subdivision', example: 'US-NY', pattern: JURISDICTION.source })
  @Matches(JURISDICTION, { message: 'jurisdiction must look like US or US-NY' })
  jurisdiction!: string;
}
