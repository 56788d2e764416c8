import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

export class AuthorizeLegalReferralRequest {
  @ApiProperty({ description: 'The client agrees to the suit fee (must be true).' }) @IsBoolean() agreesToSuitFee!: boolean;
  @ApiProperty({ description: 'The client agrees to advance court costs (must be true).' }) @IsBoolean() agreesToAdvanceCosts!: boolean;
}

export class LegalAuthorizationAnswer {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ description: 'Always true: the authorization is recorded' }) legalAuthorized!: true;
}
