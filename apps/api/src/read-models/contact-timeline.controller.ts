import { Controller, Get, Inject, Param, ParseUUIDPipe, Query, UseInterceptors } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { DataSource } from 'typeorm';
import { notFound } from '../../../../libs/domain/src/shared/index.js';
import { CONTACT_TIMELINE_PROJECTION, contactTimeline, TIMELINE_EVENT_TYPES, type TimelineEntry } from '../../../../projections/contact-timeline/index.js';
import { READ_MODELS } from '../tokens.js';
import { CsvInterceptor } from './csv.interceptor.js';
import { ReadModelGate } from './read-model-gate.js';
import { ReadModelQuery } from './read-model.dto.js';

const PROJECTION = CONTACT_TIMELINE_PROJECTION;

export class ContactTimelineDto extends ReadModelQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page, with the same types' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;

  @ApiPropertyOptional({ description: 'Comma-separated event types to keep', example: 'PageViewed,FormSubmitted' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((type) => type.trim()) : value))
  @ArrayMaxSize(TIMELINE_EVENT_TYPES.length)
  @IsIn(TIMELINE_EVENT_TYPES, { each: true })
  types?: string[];
}

@ApiTags('read-models')
@Controller('v1/contacts')
@UseInterceptors(CsvInterceptor)
export class ContactTimelineController {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    @Inject(ReadModelGate) private readonly gate: ReadModelGate,
  ) {}

  @Get(':id/timeline')
  @ApiOperation({ summary: 'Everything that happened to a contact, newest first, paged' })
  async timeline(
    @Param('id', new ParseUUIDPipe()) contactId: string,
    @Query() query: ContactTimelineDto,
  ): Promise<{ position: string | null; data: TimelineEntry[]; nextCursor?: string }> {
    const position = await this.gate.positionFor(PROJECTION, query.minPosition);
    const page = await contactTimeline(this.readModels, { contactId, limit: query.limit ?? 50, cursor: query.cursor, types: query.types });
    if (!page) throw notFound('contact timeline', contactId);
    return { position, ...page };
  }
}
