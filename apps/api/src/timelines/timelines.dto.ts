// The timeline route's query and answer rows. Fields are declared in the order the query returns them: that order
// is the CSV's column order.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsOptional, type ValidationArguments } from 'class-validator';
import { OBJECT_TYPES } from '#domain/association';
import { RECORD_TIMELINE_EVENT_TYPES } from '#projections/record-timeline';
import { PageCursor, PageLimit } from '../http/dto-fields.js';
import { ReadModelQuery } from '../read-models/read-model.dto.js';

const unknownTypes = ({ value }: ValidationArguments): string => {
  const unknown = (Array.isArray(value) ? value : [value]).filter((type) => !(RECORD_TIMELINE_EVENT_TYPES as readonly unknown[]).includes(type));
  return `types names event types no timeline shows: ${unknown.join(', ')}`;
};

export class RecordTimelineQueryDto extends ReadModelQuery {
  @PageLimit(500, 50)
  limit?: number;

  @PageCursor(500, 'nextCursor of the previous page, with the same types')
  cursor?: string;

  @ApiPropertyOptional({ description: 'Comma-separated event types to keep', example: 'EngagementLogged,DealStageChanged' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((type) => type.trim()) : value))
  @ArrayMaxSize(RECORD_TIMELINE_EVENT_TYPES.length)
  @IsIn(RECORD_TIMELINE_EVENT_TYPES, { each: true, message: unknownTypes })
  types?: string[];
}

export class TimelineViaDto {
  @ApiProperty({ enum: OBJECT_TYPES }) type!: string;
  @ApiProperty() id!: string;
}

export class RecordTimelineEntryDto {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ example: 'EngagementLogged' }) eventType!: string;
  @ApiProperty() position!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ description: 'Who caused the event (its metadata)', example: 'key:3f1c...' }) actor!: string;
  @ApiProperty({ example: 'Logged a note: Pricing call' }) summary!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'The values the event replaced, by field or custom property (DealStageChanged: stageId); null when it replaced none',
  })
  previous!: Record<string, unknown> | null;
  @ApiProperty({
    type: () => TimelineViaDto,
    nullable: true,
    description: "null on the record's own events; else the associated record an engagement rolled up from, or the merged duplicate it happened to",
  })
  via!: TimelineViaDto | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: "The event's data, as stored" }) data!: Record<string, unknown>;
}
