import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { ENGAGEMENT_KINDS, type EngagementKind } from '../../../../libs/domain/src/engagement/index.js';

// A moment with its zone: without one, the same text means different instants on different machines.
const DATE_TIME_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
// The engagement decider stores due dates to the second.
const DATE_TIME_WITH_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

const DateTime = (field: string, pattern: RegExp, rule: string) =>
  applyDecorators(
    Matches(pattern, { message: `${field} must be ${rule}` }),
    IsISO8601({ strict: true }, { message: `${field} must be ${rule}` }),
  );

const Ids = () => applyDecorators(IsOptional(), IsArray(), ArrayMaxSize(100), IsUUID(undefined, { each: true }));

export class LogEngagementDto {
  @ApiProperty({ enum: ENGAGEMENT_KINDS })
  @IsIn(ENGAGEMENT_KINDS)
  kind!: EngagementKind;

  @ApiProperty({ format: 'uuid', description: 'Who had the call, sent the email, owns the task' })
  @IsUUID()
  ownerId!: string;

  @ApiPropertyOptional({
    example: '2026-01-15T10:30:00+01:00',
    description: 'When it happened (default: now); at most 5 minutes ahead of the server clock',
  })
  @IsOptional()
  @DateTime('occurredAt', DATE_TIME_WITH_ZONE, 'an ISO 8601 date-time with a zone (Z or +hh:mm)')
  occurredAt?: string;

  @ApiPropertyOptional({ description: 'Required for tasks (their title)' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  subject?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100_000)
  body?: string;

  @ApiPropertyOptional({ minimum: 0, description: 'Calls and meetings only' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  durationMinutes?: number;

  @ApiPropertyOptional({ example: 'connected', description: 'Calls and meetings only' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  outcome?: string;

  @ApiPropertyOptional({ example: '2026-01-20T17:00:00Z', description: 'Tasks only' })
  @IsOptional()
  @DateTime('dueAt', DATE_TIME_WITH_SECONDS, 'an ISO 8601 date-time with seconds and a zone (Z or +hh:mm)')
  dueAt?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @Ids()
  contactIds?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @Ids()
  companyIds?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @Ids()
  dealIds?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @Ids()
  ticketIds?: string[];
}

export class CompleteTaskDto {
  @ApiPropertyOptional({ format: 'uuid', description: "Who ticked it off; default: the task's owner" })
  @IsOptional()
  @IsUUID()
  completedBy?: string;
}
