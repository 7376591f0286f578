import { ApiPropertyOptional, type ApiResponseOptions } from '@nestjs/swagger';
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

/** The answer of an event stream: Server-Sent Events, one per event, named by its type (listen by type). */
export const SSE_RESPONSE: ApiResponseOptions = {
  description:
    'Server-Sent Events, each `id: <position>`, `event: <type>`, `data: {id, type, stream, revision, position, occurredAt, data, ' +
    'metadata}` (JSON); the AsyncAPI document at /v1/asyncapi.json describes every event',
  schema: { type: 'string', example: 'id: 1042\nevent: ContactCreated\ndata: {"id":"...","type":"ContactCreated",...}\n\n' },
};

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
