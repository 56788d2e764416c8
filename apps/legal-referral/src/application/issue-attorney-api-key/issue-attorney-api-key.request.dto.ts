import { ApiProperty } from '@nestjs/swagger';

export class IssuedAttorneyApiKeyAnswer {
  @ApiProperty({ format: 'uuid' }) attorneyId!: string;
  @ApiProperty({ format: 'uuid', description: 'Names the key from now on; the key itself is never shown again' }) keyId!: string;
  @ApiProperty({ example: 'ak_0b6b5b4e-0d3f-4a43-9a55-6f3f0f6f0e11_…', description: 'The key, shown in this answer only; the attorney sends it as `x-api-key`' }) apiKey!: string;
}
