import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, Max, Min, ValidateBy, ValidateIf, type ValidationArguments } from 'class-validator';
import { ENGAGEMENT_KINDS, TASK_PRIORITIES, type EngagementKind, type TaskPriority } from '#domain/engagement';
import { NullableText, OneOf, OptionalText, OptionalUuid, OptionalUuids, stacked } from '../http/dto-fields.js';
import { IsInstant, IsOmittable } from '../http/validators.js';

const MAX_DURATION_MINUTES = 100_000;

/** A task priority; `nullable`: null clears it (the checks apply to a value only). */
const TaskPriorityField = ({ nullable }: { nullable: boolean }) =>
  stacked(
    ApiPropertyOptional({ enum: TASK_PRIORITIES, nullable, description: nullable ? 'Tasks only; null clears it' : 'Tasks only' }),
    ValidateIf((_: object, value: unknown) => value !== undefined && !(nullable && value === null)),
    IsIn(TASK_PRIORITIES),
  );

// On another kind (or none at all) the field is refused by name, 400, as a field no engagement has would be; the
// decider's rule says the same for imported commands.
const OnTasksOnly = () =>
  ValidateBy({
    name: 'onTasksOnly',
    validator: {
      validate: (_: unknown, args?: ValidationArguments) => (args?.object as { kind?: unknown } | undefined)?.kind === 'task',
      defaultMessage: (args?: ValidationArguments) => `${args?.property ?? 'value'} applies to tasks only`,
    },
  });

export class LogEngagementDto {
  @OneOf(ENGAGEMENT_KINDS)
  kind!: EngagementKind;

  @OptionalUuid({
    description: "Who had the call, sent the email, owns the task; with a key bound to an owner: that owner (default), another is 403",
  })
  ownerId?: string;

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
  @Max(MAX_DURATION_MINUTES)
  durationMinutes?: number;

  @OptionalText(200, { example: 'connected', description: 'Calls and meetings only' })
  outcome?: string;

  @ApiPropertyOptional({ example: '2026-01-20T17:00:00Z', description: 'Tasks only; stored in UTC' })
  @IsOmittable()
  @IsInstant({ secondsRequired: true })
  dueAt?: string;

  @TaskPriorityField({ nullable: false })
  @OnTasksOnly()
  priority?: TaskPriority;

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
  @OptionalUuid({ description: "Who ticked it off; default: the key's owner for a key bound to one (another is 403), else the task's owner" })
  completedBy?: string;
}

/** Omitted fields stay; null (or blank text) clears one. A field the engagement's kind does not have is a 400 naming it. */
export class UpdateEngagementDto {
  @NullableText(500, 'Send the signed proposal')
  subject?: string | null;

  @NullableText(100_000, 'Prefers annual billing')
  body?: string | null;

  @NullableText(200, 'connected')
  outcome?: string | null;

  @ApiPropertyOptional({ type: Number, minimum: 0, nullable: true, description: 'Calls and meetings only; null clears it' })
  @ValidateIf((_: object, value: unknown) => value !== null && value !== undefined)
  @IsInt()
  @Min(0)
  @Max(MAX_DURATION_MINUTES)
  durationMinutes?: number | null;

  @TaskPriorityField({ nullable: true })
  priority?: TaskPriority | null;
}

export class RescheduleTaskDto {
  @ApiProperty({ example: '2026-01-22T17:00:00Z', description: 'The new due time, with seconds and a zone; stored in UTC' })
  @IsInstant({ secondsRequired: true })
  dueAt!: string;
}
