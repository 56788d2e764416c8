import { ApiProperty } from '@nestjs/swagger';

export class PortalLinkAnswer {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ format: 'uuid' }) linkId!: string;
  @ApiProperty({ description: "The debtor's personal link: opens the portal after a light identity check", example: 'https://pay.example.com/portal/l/p1.eyJ...' }) url!: string;
  @ApiProperty({ format: 'date-time', description: 'The link stops working then; a new one can be issued at any time' }) expiresAt!: string;
}
