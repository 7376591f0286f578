import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  isISO8601,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
} from 'class-validator';
import type { DealOutcome } from '../../../../libs/domain/src/deal/index.js';
import { PIPELINE_ID, PIPELINE_ID_RULE, STAGE_ID, STAGE_ID_RULE } from '../pipelines/id-param.pipe.js';

const CURRENCY = /^[A-Z]{3}$/;
const CURRENCY_RULE = 'currency must be an ISO 4217 code of three upper-case letters, such as USD';
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_RULE = 'closeDate must be a calendar date YYYY-MM-DD';

// A calendar date that exists: the pattern fixes the shape, strict ISO 8601 rejects days like 2024-02-30.
const CloseDate = () =>
  ValidateBy({
    name: 'isCalendarDate',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && DATE.test(value) && isISO8601(value, { strict: true }),
      defaultMessage: () => DATE_RULE,
    },
  });

const Amount = () => applyDecorators(IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }), Min(0));

export class CreateDealDto {
  @ApiProperty({ example: 'Acme, 50 seats' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ example: 'default', description: "The deal pipeline; default 'default'" })
  @IsOptional()
  @Matches(PIPELINE_ID, { message: `pipelineId must be ${PIPELINE_ID_RULE}` })
  pipelineId?: string;

  @ApiPropertyOptional({ example: 'qualifiedtobuy', description: "Default: the pipeline's first open stage" })
  @IsOptional()
  @Matches(STAGE_ID, { message: `stageId must be ${STAGE_ID_RULE}` })
  stageId?: string;

  @ApiProperty({ minimum: 0, example: 12000, description: 'At most 2 decimals' })
  @Amount()
  amount!: number;

  @ApiProperty({ example: 'USD', description: 'ISO 4217' })
  @Matches(CURRENCY, { message: CURRENCY_RULE })
  currency!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 120, default: 12 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  contractTermMonths?: number;

  @ApiPropertyOptional({ example: '2026-03-31', description: 'Expected close; default: the end of this month' })
  @IsOptional()
  @CloseDate()
  closeDate?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID(undefined, { each: true })
  contactIds?: string[];

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  companyId?: string;

  @ApiPropertyOptional({ description: 'Required when stageId is a lost stage' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  lostReason?: string;
}

export class MoveDealToStageDto {
  @ApiProperty({ example: 'contractsent' })
  @Matches(STAGE_ID, { message: `stageId must be ${STAGE_ID_RULE}` })
  stageId!: string;

  @ApiPropertyOptional({ description: 'Required when stageId is a lost stage' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  lostReason?: string;
}

export class ReopenDealDto {
  @ApiProperty({ example: 'contractsent', description: 'The open stage the deal goes back to' })
  @Matches(STAGE_ID, { message: `stageId must be ${STAGE_ID_RULE}` })
  stageId!: string;
}

export class UpdateDealDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ minimum: 0 })
  @IsOptional()
  @Amount()
  amount?: number;

  @ApiPropertyOptional({ example: 'EUR' })
  @IsOptional()
  @Matches(CURRENCY, { message: CURRENCY_RULE })
  currency?: string;

  @ApiPropertyOptional({ example: '2026-03-31' })
  @IsOptional()
  @CloseDate()
  closeDate?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'null unassigns' })
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
