import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';

export class FoundPhoneDto {
  @ApiProperty({ example: '+12125550177', maxLength: 32, pattern: '^[+0-9 ()-]{4,32}$' })
  @Matches(/^[+0-9 ()-]{4,32}$/, { message: 'number must be a phone number (digits, spaces, + ( ) -)' })
  number!: string;
  @ApiProperty({ description: 'The debtor agreed to be reached there' }) @IsBoolean() consent!: boolean;
}

export class FoundAddressDto {
  @ApiProperty({ type: [String], minItems: 1, maxItems: 4, example: ['12 Main St'] })
  @IsArray()
  @ArrayMaxSize(4)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  lines!: string[];
  @ApiProperty({ maxLength: 100, example: 'Albany' }) @IsString() @MinLength(1) @MaxLength(100) city!: string;
  @ApiPropertyOptional({ maxLength: 50, example: 'NY' }) @IsOptional() @IsString() @MaxLength(50) region?: string;
  @ApiPropertyOptional({ maxLength: 20, example: '12207' }) @IsOptional() @IsString() @MaxLength(20) postalCode?: string;
  @ApiProperty({ example: 'US', pattern: '^[A-Z]{2}$' }) @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code' }) country!: string;
}

export class RecordContactDataRequest {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'credit bureau', description: 'Where the data came from' }) @IsString() @MinLength(1) @MaxLength(200) source!: string;
  @ApiPropertyOptional({ type: [FoundPhoneDto], maxItems: 20 }) @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => FoundPhoneDto) phones?: FoundPhoneDto[];
  @ApiPropertyOptional({ type: [String], maxItems: 20, example: ['ap@acme.example'] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsEmail({}, { each: true }) emails?: string[];
  @ApiPropertyOptional({ type: [FoundAddressDto], maxItems: 10 }) @IsOptional() @IsArray() @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => FoundAddressDto) addresses?: FoundAddressDto[];
}

export class ContactDataRecordedAnswer {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ type: [String], description: 'The skip holds the data lifted' }) liftedHolds!: string[];
}
