import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { OneOf, OptionalNonEmptyText, stacked, Text } from '../http/dto-fields.js';
import { IsOmittable } from '../http/validators.js';
import type { PipelineObjectType, StageOutcome } from '#domain/pipeline';
import { PIPELINE_ID, PIPELINE_ID_RULE, STAGE_ID, STAGE_ID_RULE } from './id-param.pipe.js';

const OBJECT_TYPES: readonly PipelineObjectType[] = ['deal', 'ticket'];
const OUTCOMES: readonly StageOutcome[] = ['won', 'lost'];
const MAX_STAGES = 100;

/** The stage of a deal or ticket; `optional`: omitted takes the pipeline's first open stage. */
export const StageIdField = (api: ApiPropertyOptions, { optional = false } = {}) => {
  const stageId = Matches(STAGE_ID, { message: `stageId must be ${STAGE_ID_RULE}` });
  return optional ? stacked(ApiPropertyOptional(api), IsOmittable(), stageId) : stacked(ApiProperty(api), stageId);
};

/** The pipeline of a new deal or ticket; omitted takes the default pipeline of its kind. */
export const OptionalPipelineIdField = (api: ApiPropertyOptions) =>
  stacked(ApiPropertyOptional(api), IsOmittable(), Matches(PIPELINE_ID, { message: `pipelineId must be ${PIPELINE_ID_RULE}` }));

export class PipelineStageDto {
  @ApiProperty({ example: 'demo', description: `Stable forever: ${STAGE_ID_RULE}` })
  @Matches(STAGE_ID, { message: `id must be ${STAGE_ID_RULE}` })
  id!: string;

  @Text(100, { example: 'Demo scheduled' })
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
  @OneOf(OBJECT_TYPES)
  objectType!: PipelineObjectType;

  @Text(200, { example: 'Enterprise sales' })
  name!: string;

  @ApiProperty({ type: [PipelineStageDto], description: 'In display order' })
  @IsArray()
  @ArrayMaxSize(MAX_STAGES)
  @ValidateNested({ each: true })
  @Type(() => PipelineStageDto)
  stages!: PipelineStageDto[];
}

export class RenamePipelineDto {
  @Text(200, { example: 'Enterprise sales' })
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
  @OptionalNonEmptyText(100, { example: 'Demo done' })
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
