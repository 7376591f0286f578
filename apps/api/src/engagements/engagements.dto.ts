import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { ENGAGEMENT_KINDS, type EngagementKind } from '#domain/engagement';
import { IsInstant, IsOmittable } from '../http/validators.js';

const Ids = () => applyDecorators(IsOmittable(), IsArray(), ArrayMaxSize(100), IsUUID(undefined, { each: true }));

export class LogEngagementDto {
  @ApiProperty({ enum: ENGAGEMENT_KINDS })
  @IsIn(ENGAGEMENT_KINDS)
  kind!: EngagementKind;

  @ApiProperty({ format: 'uuid', description: 'Who had the call, sent the email, owns the task' })
  @IsUUID()
  ownerId!: string;

  @ApiPropertyOptional({
    example: '2026-01-15T10:30:00+01:00',
    description: 'When it happened (default: now); at most 5 minutes ahead of the server clock; stored in UTC',
  })
  @IsOmittable()
  @IsInstant()
  occurredAt?: string;

  @ApiPropertyOptional({ description: 'Required for tasks (their title)' })
  @IsOmittable()
  @IsString()
  @MaxLength(500)
  subject?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @MaxLength(100_000)
  body?: string;

  @ApiPropertyOptional({ minimum: 0, description: 'Calls and meetings only' })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(100_000)
  durationMinutes?: number;

  @ApiPropertyOptional({ example: 'connected', description: 'Calls and meetings only' })
  @IsOmittable()
  @IsString()
  @MaxLength(200)
  outcome?: string;

  @ApiPropertyOptional({ example: '2026-01-20T17:00:00Z', description: 'Tasks only; stored in UTC' })
  @IsOmittable()
  @IsInstant({ secondsRequired: true })
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
  @IsOmittable()
  @IsUUID()
  completedBy?: string;
}
