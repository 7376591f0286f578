// The survey read models' queries and rows: NPS, CES and CSAT summaries (as a whole and per group) and the comments.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { SURVEY_CATEGORIES, SURVEY_TYPES, type SurveyCategory, type SurveyType } from '#domain/survey';
import { SURVEY_GROUPINGS, type SurveyGrouping } from '#projections/survey-results';
import { PageCursor, PageLimit } from '../http/dto-fields.js';
import { IsCalendarDate } from '../http/validators.js';
import { ReadModelQuery } from './read-model.dto.js';

export class SurveyResultsQueryDto extends ReadModelQuery {
  @ApiPropertyOptional({ format: 'uuid', description: "One survey's answers; default: every survey of the type" })
  @IsOptional()
  @IsUUID()
  surveyId?: string;

  @ApiPropertyOptional({ example: '2026-10-01', description: 'First UTC day of the answers, inclusive; default: open' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Last UTC day of the answers, inclusive; default: open' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({
    enum: SURVEY_GROUPINGS,
    description: "Also per group: period (the answer's UTC month), team (of the contact's owner when answered), ticketPipeline (of the linked ticket)",
  })
  @IsOptional()
  @IsIn(SURVEY_GROUPINGS)
  groupBy?: SurveyGrouping;
}

export class SurveyCommentsQueryDto extends ReadModelQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  surveyId?: string;

  @ApiPropertyOptional({ enum: SURVEY_TYPES })
  @IsOptional()
  @IsIn(SURVEY_TYPES)
  type?: SurveyType;

  @ApiPropertyOptional({ enum: SURVEY_CATEGORIES, description: 'Only the detractors, say' })
  @IsOptional()
  @IsIn(SURVEY_CATEGORIES)
  category?: SurveyCategory;

  @ApiPropertyOptional({ example: '2026-10-01', description: 'First UTC day, inclusive' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Last UTC day, inclusive' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @PageLimit(200, 50)
  limit?: number;

  @PageCursor(500)
  cursor?: string;
}

const SCORE = { type: String, nullable: true, example: '33.3' } as const;

export class NpsGroupDto {
  @ApiProperty({ type: String, nullable: true, description: 'The period (YYYY-MM), team or ticket pipeline id; null: none (no owner, no team, no ticket)' }) key!: string | null;
  @ApiProperty() responses!: number;
  @ApiProperty({ description: 'Scores 9-10' }) promoters!: number;
  @ApiProperty({ description: 'Scores 7-8' }) passives!: number;
  @ApiProperty({ description: 'Scores 0-6' }) detractors!: number;
  @ApiProperty({ ...SCORE, description: '% promoters - % detractors, to 1 decimal (half to even); null without answers' }) score!: string | null;
}

export class NpsReportDto {
  @ApiProperty() responses!: number;
  @ApiProperty({ description: 'Scores 9-10' }) promoters!: number;
  @ApiProperty({ description: 'Scores 7-8' }) passives!: number;
  @ApiProperty({ description: 'Scores 0-6' }) detractors!: number;
  @ApiProperty({ ...SCORE, description: '% promoters - % detractors, -100 to 100, to 1 decimal (half to even); null without answers' }) score!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: SURVEY_GROUPINGS }) groupBy!: string | null;
  @ApiProperty({ type: () => NpsGroupDto, isArray: true, description: 'Per group when groupBy is given, else empty' }) groups!: NpsGroupDto[];
}

export class ScoreCountDto {
  @ApiProperty() score!: number;
  @ApiProperty() count!: number;
}

export class CategoryCountDto {
  @ApiProperty({ enum: SURVEY_CATEGORIES }) category!: string;
  @ApiProperty() count!: number;
}

export class RatingGroupDto {
  @ApiProperty({ type: String, nullable: true }) key!: string | null;
  @ApiProperty() responses!: number;
  @ApiProperty({ type: String, nullable: true, example: '4.33', description: 'The mean score to 2 decimals (half to even)' }) average!: string | null;
  @ApiProperty({ type: () => ScoreCountDto, isArray: true, description: "Every score of the type's range, with its count" }) distribution!: ScoreCountDto[];
  @ApiProperty({ type: () => CategoryCountDto, isArray: true }) categories!: CategoryCountDto[];
}

export class RatingReportDto {
  @ApiProperty({ enum: ['ces', 'csat'] }) surveyType!: string;
  @ApiProperty() responses!: number;
  @ApiProperty({ type: String, nullable: true, example: '4.33', description: 'The mean score to 2 decimals (half to even); null without answers' }) average!: string | null;
  @ApiProperty({ type: () => ScoreCountDto, isArray: true, description: "Every score of the type's range, with its count (0 included)" }) distribution!: ScoreCountDto[];
  @ApiProperty({ type: () => CategoryCountDto, isArray: true, description: 'CES: easy 5-7, neutral 4, difficult 1-3; CSAT: satisfied 4-5, neutral 3, dissatisfied 1-2' })
  categories!: CategoryCountDto[];
  @ApiProperty({ type: String, nullable: true, enum: SURVEY_GROUPINGS }) groupBy!: string | null;
  @ApiProperty({ type: () => RatingGroupDto, isArray: true }) groups!: RatingGroupDto[];
}

export class SurveyCommentDto {
  @ApiProperty({ format: 'uuid' }) linkId!: string;
  @ApiProperty({ format: 'uuid' }) surveyId!: string;
  @ApiProperty({ enum: SURVEY_TYPES }) surveyType!: string;
  @ApiProperty() score!: number;
  @ApiProperty({ enum: SURVEY_CATEGORIES }) category!: string;
  @ApiProperty() comment!: string;
  @ApiProperty() contactId!: string;
  @ApiProperty({ type: String, nullable: true }) ticketId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The contact's owner when answered" }) ownerId!: string | null;
  @ApiProperty({ type: String, nullable: true }) team!: string | null;
  @ApiProperty({ type: String, nullable: true }) pipelineId!: string | null;
  @ApiProperty({ format: 'date-time' }) respondedAt!: string;
  @ApiProperty({ description: 'The SurveyResponded event' }) eventId!: string;
}
