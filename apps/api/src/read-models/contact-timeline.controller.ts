import { Get, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsOptional } from 'class-validator';
import { notFound } from '#domain/shared';
import { CONTACT_TIMELINE_PROJECTION, contactTimeline, TIMELINE_EVENT_TYPES, type TimelineEntry } from '#projections/contact-timeline';
import { ReadModelAnswer } from './read-model-answer.js';
import { ReadModelController, ReadModelRoutes } from './read-model-controller.js';
import { TimelineEntryDto } from './read-model-rows.dto.js';
import { PageCursor, PageLimit } from '../http/dto-fields.js';
import { IdParam } from '../http/routes.js';
import { ReadModelQuery } from './read-model.dto.js';

const PROJECTION = CONTACT_TIMELINE_PROJECTION;

export class ContactTimelineDto extends ReadModelQuery {
  @PageLimit(500, 50)
  limit?: number;

  @PageCursor(500, 'nextCursor of the previous page, with the same types')
  cursor?: string;

  @ApiPropertyOptional({ description: 'Comma-separated event types to keep', example: 'PageViewed,FormSubmitted' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((type) => type.trim()) : value))
  @ArrayMaxSize(TIMELINE_EVENT_TYPES.length)
  @IsIn(TIMELINE_EVENT_TYPES, { each: true })
  types?: string[];
}

@ReadModelRoutes('v1/contacts')
export class ContactTimelineController extends ReadModelController {
  @Get(':id/timeline')
  @ApiOperation({ summary: 'Everything that happened to a contact, newest first, paged' })
  @ReadModelAnswer({ row: TimelineEntryDto, many: true, paged: true })
  async timeline(
    @IdParam() contactId: string,
    @Query() query: ContactTimelineDto,
  ): Promise<{ position: string | null; data: TimelineEntry[]; nextCursor?: string }> {
    const position = await this.gate.positionFor(PROJECTION, query.minPosition);
    const page = await contactTimeline(this.readModels, { contactId, limit: query.limit ?? 50, cursor: query.cursor, types: query.types });
    if (!page) throw notFound('contact timeline', contactId);
    return { position, ...page };
  }
}
