import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsOmittable } from '../http/validators.js';
import type { PipelineObjectType, StageOutcome } from '#domain/pipeline';
import { STAGE_ID, STAGE_ID_RULE } from './id-param.pipe.js';

const OBJECT_TYPES: readonly PipelineObjectType[] = ['deal', 'ticket'];
const OUTCOMES: readonly StageOutcome[] = ['won', 'lost'];
const MAX_STAGES = 100;

export class PipelineStageDto {
  @ApiProperty({ example: 'demo', description: `Stable forever: ${STAGE_ID_RULE}` })
  @Matches(STAGE_ID, { message: `id must be ${STAGE_ID_RULE}` })
  id!: string;

  @ApiProperty({ example: 'Demo scheduled' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  label!: string;

  @ApiProperty({ minimum: 0, maximum: 1, example: 0.5, description: 'Win probability forecasts weight open deals by' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  probability!: number;

  @ApiPropertyOptional({ enum: OUTCOMES, description: "A closed stage; ticket pipelines use 'won' for resolved" })
  @IsOptional()
  @IsIn(OUTCOMES)
  closed?: StageOutcome;

  @ApiPropertyOptional({ minimum: 1, description: 'Open stages only: a record here longer than this is stuck' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  stuckAfterDays?: number;
}

export class CreatePipelineDto {
  @ApiProperty({ enum: OBJECT_TYPES })
  @IsIn(OBJECT_TYPES)
  objectType!: PipelineObjectType;

  @ApiProperty({ example: 'Enterprise sales' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ type: [PipelineStageDto], description: 'In display order' })
  @IsArray()
  @ArrayMaxSize(MAX_STAGES)
  @ValidateNested({ each: true })
  @Type(() => PipelineStageDto)
  stages!: PipelineStageDto[];
}

export class RenamePipelineDto {
  @ApiProperty({ example: 'Enterprise sales' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;
}

export class AddPipelineStageDto {
  @ApiProperty({ type: PipelineStageDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => PipelineStageDto)
  stage!: PipelineStageDto;

  @ApiPropertyOptional({ minimum: 0, description: 'Index among the non-archived stages; omitted appends at the end' })
  @IsOmittable()
  @IsInt()
  @Min(0)
  position?: number;
}

export class UpdatePipelineStageDto {
  @ApiPropertyOptional({ example: 'Demo done' })
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  label?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 1 })
  @IsOmittable()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  probability?: number;
}

export class ReorderPipelineStagesDto {
  @ApiProperty({ type: [String], description: 'Every non-archived stage id, once, in the new order' })
  @IsArray()
  @ArrayMaxSize(MAX_STAGES)
  @Matches(STAGE_ID, { each: true, message: `each of stageIds must be ${STAGE_ID_RULE}` })
  stageIds!: string[];
}

export class PipelineStageView {
  @ApiProperty() id!: string;
  @ApiProperty() label!: string;
  @ApiProperty() probability!: number;
  @ApiProperty({ enum: OUTCOMES, nullable: true, type: String }) closed!: StageOutcome | null;
  @ApiProperty({ nullable: true, type: Number }) stuckAfterDays!: number | null;
  @ApiProperty({ description: 'Archived stages take no new records; records already there keep them' }) archived!: boolean;
}

/** A pipeline folded from its stream, with the revision to send back as If-Match. */
export class PipelineView {
  @ApiProperty() pipelineId!: string;
  @ApiProperty({ enum: OBJECT_TYPES }) objectType!: PipelineObjectType;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [PipelineStageView], description: 'Non-archived stages in display order, then the archived ones' })
  stages!: PipelineStageView[];
  @ApiProperty() revision!: number;
}

export class PipelineList {
  @ApiProperty({ type: [PipelineView] }) items!: PipelineView[];
}
