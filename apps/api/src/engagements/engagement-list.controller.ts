import { applyDecorators, Controller, Get, Query, UseInterceptors } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { validationFailed } from '#application';
import { notFound } from '#domain/shared';
import { ENGAGEMENT_LIST, engagementById, listEngagements, type EngagementListItem } from '#projections/engagement-list';
import { IdParam } from '../http/routes.js';
import { CsvInterceptor } from '../read-models/csv.interceptor.js';
import { ReadModelAnswer } from '../read-models/read-model-answer.js';
import { ReadModelController } from '../read-models/read-model-controller.js';
import { ReadModelQuery } from '../read-models/read-model.dto.js';
import { EngagementListItemDto, EngagementListQueryDto } from './engagement-list.dto.js';

/** Engagement reads, served by the engagement-list read model (JSON, or CSV with Accept: text/csv). */
export const EngagementReadRoutes = (path: string) => applyDecorators(ApiTags('engagements'), Controller(path), UseInterceptors(CsvInterceptor));

@EngagementReadRoutes('v1/engagements')
export class EngagementListController extends ReadModelController {
  @Get()
  @ApiOperation({ summary: 'Engagements, filtered by owner, kind, the records they are tied to and when they happened; newest first, paged' })
  @ReadModelAnswer({ row: EngagementListItemDto, many: true, paged: true })
  async list(@Query() { minPosition, ...query }: EngagementListQueryDto): Promise<{ position: string | null; data: EngagementListItem[]; nextCursor?: string }> {
    if (query.from !== undefined && query.to !== undefined && Date.parse(query.from) > Date.parse(query.to))
      throw validationFailed([{ field: 'to', reason: 'to must not be before from' }]);
    const position = await this.gate.positionFor(ENGAGEMENT_LIST, minPosition);
    const page = await listEngagements(this.readModels, { ...query, limit: query.limit ?? 50 });
    return { position, ...page };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One engagement as the list shows it' })
  @ReadModelAnswer({ row: EngagementListItemDto })
  @ApiNotFoundResponse({ description: 'No engagement of this id (yet: minPosition waits for a write)' })
  async get(@IdParam() engagementId: string, @Query() { minPosition }: ReadModelQuery): Promise<{ position: string | null; data: EngagementListItem }> {
    const position = await this.gate.positionFor(ENGAGEMENT_LIST, minPosition);
    const data = await engagementById(this.readModels, engagementId);
    if (!data) throw notFound('engagement', engagementId);
    return { position, data };
  }
}
