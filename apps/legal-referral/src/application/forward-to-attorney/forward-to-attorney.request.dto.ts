import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export class ForwardToAttorneyRequest {
  @ApiProperty({ description: "The receiving attorney's id in the agency's panel", example: 'att-ny-014' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  attorneyId!: string;

  @ApiProperty({ example: 'Hudson & Rowe LLP' }) @IsString() @IsNotEmpty() @MaxLength(200) attorneyName!: string;

  @ApiProperty({ description: 'Where the attorney sues: ISO 3166-1 country, optionally with its ISO 3166-2 subdivision', example: 'US-NY' })
  @Matches(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, { message: 'jurisdiction must look like US or US-NY' })
  jurisdiction!: string;
}
