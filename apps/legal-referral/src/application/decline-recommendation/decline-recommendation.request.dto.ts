import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class DeclineRecommendationRequest {
  @ApiProperty({ example: 'the debtor is a key supplier of the client', minLength: 1, maxLength: 500 }) @IsString() @IsNotEmpty() @MaxLength(500) reason!: string;
}
