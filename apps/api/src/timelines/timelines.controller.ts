import { Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiParam } from '@nestjs/swagger';
import { OBJECT_TYPES, type ObjectType } from '#domain/association';
import { notFound } from '#domain/shared';
import { RECORD_TIMELINE_PROJECTION, recordTimeline, type RecordTimelineEntry } from '#projections/record-timeline';
import { IdParam } from '../http/routes.js';
import { ParseIdPipe } from '../pipelines/id-param.pipe.js';
import { ReadModelAnswer } from '../read-models/read-model-answer.js';
import { ReadModelController, ReadModelRoutes } from '../read-models/read-model-controller.js';
import { RecordTimelineEntryDto, RecordTimelineQueryDto } from './timelines.dto.js';

const OBJECT_TYPE = new RegExp(`^(${OBJECT_TYPES.join('|')})$`);

@ReadModelRoutes('v1/timelines')
export class TimelinesController extends ReadModelController {
  @Get(':type/:id')
  @ApiOperation({
    summary: "Everything that happened to a record, newest first, paged: its own events, and the engagements on the records associated with it",
  })
  @ApiParam({ name: 'type', enum: OBJECT_TYPES })
  @ReadModelAnswer({ row: RecordTimelineEntryDto, many: true, paged: true })
  async timeline(
    @Param('type', new ParseIdPipe('type', OBJECT_TYPE, `one of ${OBJECT_TYPES.join(', ')}`)) type: ObjectType,
    @IdParam() id: string,
    @Query() query: RecordTimelineQueryDto,
  ): Promise<{ position: string | null; data: RecordTimelineEntry[]; nextCursor?: string }> {
    const position = await this.gate.positionFor(RECORD_TIMELINE_PROJECTION, query.minPosition);
    const page = await recordTimeline(this.readModels, { record: { type, id }, limit: query.limit ?? 50, cursor: query.cursor, types: query.types });
    if (!page) throw notFound(`${type} timeline`, id);
    return { position, ...page };
  }
}
