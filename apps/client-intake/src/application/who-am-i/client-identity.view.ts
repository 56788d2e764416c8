import { ApiProperty } from '@nestjs/swagger';

export class ClientIdentity {
  @ApiProperty({ format: 'uuid' }) clientId!: string;
}
