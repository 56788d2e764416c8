import { ApiProperty } from '@nestjs/swagger';

export class RebuiltCollectionView {
  @ApiProperty({ example: 'portfolio' }) collection!: string;
  @ApiProperty({ example: 'portfolio__g2', description: 'The collection readers read from now' }) physical!: string;
  @ApiProperty({ type: 'integer', minimum: 2 }) generation!: number;
  @ApiProperty({ type: 'integer', description: 'Events folded from the source' }) applied!: number;
  @ApiProperty({ type: 'integer', description: 'Events that arrived during the rebuild, replayed before the switch' }) caughtUp!: number;
}

export class RebuildAnswer {
  @ApiProperty({ type: [RebuiltCollectionView] }) rebuilt!: RebuiltCollectionView[];
}
