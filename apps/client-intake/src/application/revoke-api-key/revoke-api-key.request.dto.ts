import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class RevokeApiKeyRequest {
  @ApiPropertyOptional({ example: 'key pasted into a support ticket', minLength: 1, maxLength: 500, description: 'Why the key is revoked; kept on the ApiKeyRevoked event.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason?: string;
}

/** The revocation, naming the key by its id only: neither the key nor its hash is ever shown. */
export class RevocationAnswer {
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ format: 'uuid' }) keyId!: string;
  @ApiProperty({ nullable: true, type: String, description: 'null when none was given' }) reason!: string | null;
  @ApiProperty({ format: 'date-time' }) revokedAt!: string;
}
