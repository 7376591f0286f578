import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { ENGAGEMENT_KINDS, type EngagementKind } from '#domain/engagement';
import { OneOf, OptionalText, OptionalUuid, OptionalUuids, Uuid } from '../http/dto-fields.js';
import { IsInstant, IsOmittable } from '../http/validators.js';

export class LogEngagementDto {
  @OneOf(ENGAGEMENT_KINDS)
  kind!: EngagementKind;

  @Uuid({ description: 'Who had the call, sent the email, owns the task' })
  ownerId!: string;

  @ApiPropertyOptional({
    example: '2026-01-15T10:30:00+01:00',
    description: 'When it happened (default: now); at most 5 minutes ahead of the server clock; stored in UTC',
  })
  @IsOmittable()
  @IsInstant()
  occurredAt?: string;

  @OptionalText(500, { description: 'Required for tasks (their title)' })
  subject?: string;

  @OptionalText(100_000)
  body?: string;

  @ApiPropertyOptional({ minimum: 0, description: 'Calls and meetings only' })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(100_000)
  durationMinutes?: number;

  @OptionalText(200, { example: 'connected', description: 'Calls and meetings only' })
  outcome?: string;

  @ApiPropertyOptional({ example: '2026-01-20T17:00:00Z', description: 'Tasks only; stored in UTC' })
  @IsOmittable()
  @IsInstant({ secondsRequired: true })
  dueAt?: string;

  @OptionalUuids()
  contactIds?: string[];

  @OptionalUuids()
  companyIds?: string[];

  @OptionalUuids()
  dealIds?: string[];

  @OptionalUuids()
  ticketIds?: string[];
}

export class CompleteTaskDto {
  @OptionalUuid({ description: "Who ticked it off; default: the task's owner" })
  completedBy?: string;
}
