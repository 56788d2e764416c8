import { ApiProperty } from '@nestjs/swagger';

export class IssuedApiKeyAnswer {
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ format: 'uuid', description: 'Names the key from now on (to revoke it); the key itself is never shown again' }) keyId!: string;
  @ApiProperty({ example: 'ck_0b6b5b4e-0d3f-4a43-9a55-6f3f0f6f0e11_…', description: 'The key, shown in this answer only; send it as `x-api-key`' }) apiKey!: string;
}
