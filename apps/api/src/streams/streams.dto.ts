import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';

const TYPE_LIST = /^[A-Za-z][A-Za-z0-9]{0,99}(,[A-Za-z][A-Za-z0-9]{0,99}){0,49}$/;

export const STREAM_CATEGORIES = [
  'contact',
  'activity',
  'company',
  'deal',
  'ticket',
  'engagement',
  'owner',
  'pipeline',
  'scoring',
] as const;
export type StreamCategory = (typeof STREAM_CATEGORIES)[number];

export class StreamQueryDto {
  @ApiPropertyOptional({
    description: 'Start after this position (exclusive); -1 for the whole log. Omitted: from the start. Last-Event-ID wins.',
    example: '123',
  })
  @IsOptional()
  @IsString()
  @Matches(/^(-1|\d{1,20})(:\d{1,20})?$/, { message: 'from must be a position: digits, or commit:prepare' })
  from?: string;

  @ApiPropertyOptional({ description: 'Only these event types (comma-separated)', example: 'DealCreated,DealStageChanged' })
  @IsOptional()
  @IsString()
  @Matches(TYPE_LIST, { message: 'types must be event types separated by commas' })
  types?: string;

  @ApiPropertyOptional({ description: 'Only event types starting with one of these (comma-separated)', example: 'Deal,Ticket' })
  @IsOptional()
  @IsString()
  @Matches(TYPE_LIST, { message: 'typePrefix must be event-type prefixes separated by commas' })
  typePrefix?: string;
}
