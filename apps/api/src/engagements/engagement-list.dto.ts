// The engagements list's query and row, for validation, the OpenAPI document and the CSV columns (in this order).
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ENGAGEMENT_KINDS, TASK_PRIORITIES, type EngagementKind, type TaskPriority } from '#domain/engagement';
import { DEFAULT_ENGAGEMENT_SORT, ENGAGEMENT_SORT_KEYS } from '#projections/engagement-list';
import { PageCursor, PageLimit } from '../http/dto-fields.js';
import { IsInstant } from '../http/validators.js';
import { ReadModelQuery } from '../read-models/read-model.dto.js';
import { OptionalUuidFilter, Sort } from '../read-models/record-lists.dto.js';

/** Query parameters of a paged list: limit and cursor beside minPosition. */
export class PagedQuery extends ReadModelQuery {
  @PageLimit(500, 50)
  limit?: number;

  @PageCursor(500, 'nextCursor of the previous page, with the same filters and sort')
  cursor?: string;
}

export class EngagementListQueryDto extends PagedQuery {
  @OptionalUuidFilter('Engagements of this owner')
  ownerId?: string;

  @ApiPropertyOptional({ enum: ENGAGEMENT_KINDS })
  @IsOptional()
  @IsIn(ENGAGEMENT_KINDS)
  kind?: EngagementKind;

  @OptionalUuidFilter('Engagements tied to this contact')
  contactId?: string;

  @OptionalUuidFilter('Engagements tied to this company')
  companyId?: string;

  @OptionalUuidFilter('Engagements tied to this deal')
  dealId?: string;

  @OptionalUuidFilter('Engagements tied to this ticket')
  ticketId?: string;

  @ApiPropertyOptional({ example: '2026-01-01T00:00:00Z', description: 'occurredAt at or after this instant' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ example: '2026-01-31T23:59:59Z', description: 'occurredAt at or before this instant' })
  @IsOptional()
  @IsInstant()
  to?: string;

  @Sort(ENGAGEMENT_SORT_KEYS, DEFAULT_ENGAGEMENT_SORT, '`-` for descending; ties go by id')
  sort?: string;
}

const nullable = (type: 'string' | 'integer', description: string, extra: Record<string, unknown> = {}) => ({ type, nullable: true, description, ...extra }) as const;
const ids = (what: string): ApiPropertyOptions => ({ type: [String], format: 'uuid', description: `The ${what} it is tied to` });

export class EngagementListItemDto {
  @ApiProperty({ format: 'uuid' }) engagementId!: string;
  @ApiProperty({ enum: ENGAGEMENT_KINDS }) kind!: EngagementKind;
  @ApiProperty({ format: 'uuid' }) ownerId!: string;
  @ApiProperty(nullable('string', "The owner's name (null while the owners list does not know them)")) ownerName!: string | null;
  @ApiProperty(nullable('string', "A task's title, an email's subject")) subject!: string | null;
  @ApiProperty(nullable('string', 'The note, the email, the call notes')) body!: string | null;
  @ApiProperty(nullable('string', 'Calls and meetings')) outcome!: string | null;
  @ApiProperty(nullable('integer', 'Calls and meetings')) durationMinutes!: number | null;
  @ApiProperty({ format: 'date-time', description: 'When it happened (business time, UTC)' }) occurredAt!: string;
  @ApiProperty(nullable('string', 'Tasks: when it is due (UTC)', { format: 'date-time' })) dueAt!: string | null;
  @ApiProperty({ enum: [...TASK_PRIORITIES, null], nullable: true, description: 'Tasks only' }) priority!: TaskPriority | null;
  @ApiProperty({ enum: ['open', 'completed', null], nullable: true, description: 'Tasks only; null for the other kinds' }) status!: string | null;
  @ApiProperty(nullable('string', 'When the task was completed', { format: 'date-time' })) completedAt!: string | null;
  @ApiProperty(nullable('string', 'Who completed the task', { format: 'uuid' })) completedBy!: string | null;
  @ApiProperty(ids('contacts')) contactIds!: string[];
  @ApiProperty(ids('companies')) companyIds!: string[];
  @ApiProperty(ids('deals')) dealIds!: string[];
  @ApiProperty(ids('tickets')) ticketIds!: string[];
  @ApiProperty({ format: 'date-time', description: 'When Tally recorded it' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When Tally recorded its latest change' }) updatedAt!: string;
}
