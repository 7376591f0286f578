import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsNotEmpty, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import type { DealOutcome } from '#domain/deal';
import { MAX_AMOUNT } from '#domain/shared';
import { IsAmount, IsCalendarDate, IsCurrencyCode, IsOmittable } from '../http/validators.js';
import { PIPELINE_ID, PIPELINE_ID_RULE, STAGE_ID, STAGE_ID_RULE } from '../pipelines/id-param.pipe.js';

export class CreateDealDto {
  @ApiProperty({ example: 'Acme, 50 seats' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ example: 'default', description: "The deal pipeline; default 'default'" })
  @IsOmittable()
  @Matches(PIPELINE_ID, { message: `pipelineId must be ${PIPELINE_ID_RULE}` })
  pipelineId?: string;

  @ApiPropertyOptional({ example: 'qualifiedtobuy', description: "Default: the pipeline's first open stage" })
  @IsOmittable()
  @Matches(STAGE_ID, { message: `stageId must be ${STAGE_ID_RULE}` })
  stageId?: string;

  @ApiProperty({ minimum: 0, maximum: MAX_AMOUNT, example: 12000, description: 'At most 2 decimals' })
  @IsAmount()
  amount!: number;

  @ApiProperty({ example: 'USD', description: 'ISO 4217' })
  @IsCurrencyCode()
  currency!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 120, default: 12 })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(120)
  contractTermMonths?: number;

  @ApiPropertyOptional({ example: '2026-03-31', description: 'Expected close; default: the end of this month' })
  @IsOmittable()
  @IsCalendarDate()
  closeDate?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOmittable()
  @IsUUID()
  ownerId?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID(undefined, { each: true })
  contactIds?: string[];

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOmittable()
  @IsUUID()
  companyId?: string;

  @ApiPropertyOptional({ description: 'Required when stageId is a lost stage' })
  @IsOmittable()
  @IsString()
  @MaxLength(500)
  lostReason?: string;
}

export class MoveDealToStageDto {
  @ApiProperty({ example: 'contractsent' })
  @Matches(STAGE_ID, { message: `stageId must be ${STAGE_ID_RULE}` })
  stageId!: string;

  @ApiPropertyOptional({ description: 'Required when stageId is a lost stage' })
  @IsOmittable()
  @IsString()
  @MaxLength(500)
  lostReason?: string;
}

export class ReopenDealDto {
  @ApiProperty({ example: 'contractsent', description: 'The open stage the deal goes back to' })
  @Matches(STAGE_ID, { message: `stageId must be ${STAGE_ID_RULE}` })
  stageId!: string;
}

// Omitted leaves a field as it is; null is no value for these fields.
export class UpdateDealDto {
  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_AMOUNT, description: 'At most 2 decimals' })
  @IsOmittable()
  @IsAmount()
  amount?: number;

  @ApiPropertyOptional({ example: 'EUR' })
  @IsOmittable()
  @IsCurrencyCode()
  currency?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 120, description: 'Whole months; MRR is amount / contractTermMonths' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(120)
  contractTermMonths?: number;

  @ApiPropertyOptional({ example: '2026-03-31' })
  @IsOmittable()
  @IsCalendarDate()
  closeDate?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'null unassigns' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID()
  ownerId?: string | null;
}

export class AssociateDealContactDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  contactId!: string;
}

export class AssociateDealCompanyDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  companyId!: string;
}

/** A deal folded from its stream, with the revision to send back as If-Match. */
export class DealView {
  @ApiProperty() dealId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() pipelineId!: string;
  @ApiProperty() stageId!: string;
  @ApiProperty({ enum: ['open', 'won', 'lost'] }) outcome!: DealOutcome;
  @ApiProperty() amount!: number;
  @ApiProperty() currency!: string;
  @ApiProperty() contractTermMonths!: number;
  @ApiProperty({ example: '2026-03-31' }) closeDate!: string;
  @ApiProperty({ nullable: true, type: String }) ownerId!: string | null;
  @ApiProperty({ type: [String] }) contactIds!: string[];
  @ApiProperty({ nullable: true, type: String }) companyId!: string | null;
  @ApiProperty() revision!: number;
}
