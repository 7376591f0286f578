import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ImportRejectionView {
  @ApiProperty({ description: 'The line number, from 1' }) line!: number;
  @ApiProperty() reason!: string;
  @ApiPropertyOptional({ description: 'The id of the event on the line, when it has one' }) eventId?: string;
}

export class ImportReportView {
  @ApiProperty() lines!: number;
  @ApiProperty({ description: 'Newly stored' }) accepted!: number;
  @ApiProperty({ description: 'Already stored by an earlier run: skipped, not stored twice' }) duplicates!: number;
  @ApiProperty() rejected!: number;
  @ApiProperty({ type: [ImportRejectionView], description: 'The first rejections, with their reasons (all are counted)' })
  rejections!: ImportRejectionView[];
}
