import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class RecordAttorneyRepresentationRequest {
  @ApiProperty({ description: "The attorney's name", example: 'Sam Counsel', minLength: 1, maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ example: 'Counsel & Co', minLength: 1, maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  firm?: string;

  @ApiPropertyOptional({ description: 'Where the attorney is reached instead of the debtor', example: '+12125550150', pattern: '^\\+?[0-9 ()-]{7,20}$' })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{7,20}$/, { message: 'phone must be a phone number' })
  phone?: string;

  @ApiPropertyOptional({ format: 'email', maxLength: 254, example: 'sam@counsel.example' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;
}

export class AttorneyOfRecordView {
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) firm!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
}

export class AttorneyRepresentationAnswer {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ type: AttorneyOfRecordView }) attorney!: AttorneyOfRecordView;
  @ApiProperty({ format: 'date-time', description: 'Since when the debtor is not contacted directly' }) recordedAt!: string;
}
