import { Get, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { ME, ownerFilter, validationFailed, type RequestContext } from '#application';
import { ENGAGEMENT_LIST, TASK_DUE, taskQueue, type EngagementListItem, type TaskDue, type TaskStatus } from '#projections/engagement-list';
import { EngagementListItemDto, PagedQuery } from '../engagements/engagement-list.dto.js';
import { EngagementReadRoutes } from '../engagements/engagement-list.controller.js';
import { Ctx } from '../http/request-context.decorator.js';
import { ReadModelAnswer } from '../read-models/read-model-answer.js';
import { ReadModelController } from '../read-models/read-model-controller.js';

// The settings hold no business time zone yet: "today" is the UTC day until they do.
const BUSINESS_TIME_ZONE = 'UTC';

const UUID_OR_ME = /^(me|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

export class TaskQueueQueryDto extends PagedQuery {
  @ApiPropertyOptional({
    description: "An owner's id, or `me` (needs a key bound to an owner). Default: the key's owner for a bound key, else every owner",
  })
  @IsOptional()
  @IsString()
  @Matches(UUID_OR_ME, { message: `ownerId must be an owner id (uuid) or ${ME}` })
  ownerId?: string;

  @ApiPropertyOptional({ enum: TASK_DUE, description: `today: due on the current ${BUSINESS_TIME_ZONE} day; overdue: open and due before now; upcoming: due after today` })
  @IsOptional()
  @IsIn(TASK_DUE)
  due?: TaskDue;

  @ApiPropertyOptional({ enum: ['open', 'completed'], default: 'open' })
  @IsOptional()
  @IsIn(['open', 'completed'])
  status?: TaskStatus;
}

@EngagementReadRoutes('v1/tasks')
export class TasksController extends ReadModelController {
  @Get()
  @ApiOperation({ summary: 'The task queue: tasks by due time (none last), then priority (high first), then id; open ones by default' })
  @ReadModelAnswer({
    row: EngagementListItemDto,
    many: true,
    paged: true,
    extra: {
      asOf: { type: 'string', format: 'date-time', description: 'The instant today, overdue and upcoming were measured at' },
      timeZone: { type: 'string', example: BUSINESS_TIME_ZONE, description: 'The zone whose day is today' },
    },
  })
  async queue(
    @Query() { minPosition, ownerId, due, status, limit, cursor }: TaskQueueQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<{ position: string | null; asOf: string; timeZone: string; data: EngagementListItem[]; nextCursor?: string }> {
    if (due === 'overdue' && status === 'completed') throw validationFailed([{ field: 'status', reason: 'overdue tasks are open ones' }]);
    const owner = ownerFilter(context, ownerId);
    const position = await this.gate.positionFor(ENGAGEMENT_LIST, minPosition);
    const asOf = context.now;
    const page = await taskQueue(this.readModels, {
      ownerId: owner,
      due,
      status: status ?? 'open',
      now: asOf,
      timeZone: BUSINESS_TIME_ZONE,
      limit: limit ?? 50,
      cursor,
    });
    return { position, asOf, timeZone: BUSINESS_TIME_ZONE, ...page };
  }
}
