// Surveys' bodies and answers. The DTOs check shapes; the rules per survey type (the score's range) are the
// domain's (checkAnswer) and answer 400 naming the field.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { MAX_SURVEY_COMMENT_LENGTH, MAX_SURVEY_NAME_LENGTH, MAX_SURVEY_QUESTION_LENGTH, SCORE_RANGES, SURVEY_CATEGORIES, SURVEY_TYPES, type SurveyType } from '#domain/survey';
import { SURVEY_TOKEN_LENGTH } from '#application';
import { CommandResponse } from '../write/command-response.js';
import { OneOf, Text } from '../http/dto-fields.js';

const isPresent = (_: object, value: unknown) => value !== null && value !== undefined;
const RANGES = SURVEY_TYPES.map((type) => `${type.toUpperCase()} ${SCORE_RANGES[type].min}-${SCORE_RANGES[type].max}`).join(', ');

export class CreateSurveyDto {
  @OneOf(SURVEY_TYPES, { description: `The scale: ${RANGES}` })
  type!: SurveyType;

  @Text(MAX_SURVEY_NAME_LENGTH, { example: 'Q4 NPS' })
  name!: string;

  @ApiPropertyOptional({ maxLength: MAX_SURVEY_QUESTION_LENGTH, description: "The question asked; default: the type's standard question" })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_SURVEY_QUESTION_LENGTH)
  question?: string;
}

export class IssueSurveyLinkDto {
  @ApiProperty({ format: 'uuid', description: 'The contact the link is for' })
  @IsUUID()
  contactId!: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The ticket the answer is about (ticket surveys: CSAT or CES after a ticket closes)' })
  @ValidateIf(isPresent)
  @IsUUID()
  ticketId?: string | null;
}

export class SurveyLinkResponse extends CommandResponse {
  @ApiProperty({ format: 'uuid', description: 'The link (the same as id)' }) linkId!: string;
  @ApiProperty({ description: 'The signed token: answer with it at POST /v1/survey-responses, once, without an API key' }) token!: string;
  @ApiProperty({ description: 'The hosted answer page for this link' }) url!: string;
}

export class SurveyResponseDto {
  @ApiProperty({ maxLength: SURVEY_TOKEN_LENGTH, description: 'The token of the link being answered' })
  @IsString()
  @MaxLength(SURVEY_TOKEN_LENGTH)
  token!: string;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 10, description: `A whole number in the survey type's range: ${RANGES}` })
  @IsInt()
  score!: number;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: MAX_SURVEY_COMMENT_LENGTH, description: 'Why; blank means none' })
  @ValidateIf(isPresent)
  @IsString()
  @MaxLength(MAX_SURVEY_COMMENT_LENGTH)
  comment?: string | null;
}

export class SurveyAnsweredResponse extends CommandResponse {
  @ApiProperty({ enum: SURVEY_CATEGORIES, description: 'What the score says (NPS promoter/passive/detractor, ...)' }) category!: string;
}

export class SurveyView {
  @ApiProperty({ format: 'uuid' }) surveyId!: string;
  @ApiProperty({ enum: SURVEY_TYPES }) type!: string;
  @ApiProperty() name!: string;
  @ApiProperty() question!: string;
  @ApiProperty({ description: "The survey stream's revision" }) revision!: number;
}

export class SurveySummaryDto {
  @ApiProperty({ format: 'uuid' }) surveyId!: string;
  @ApiProperty({ enum: SURVEY_TYPES }) type!: string;
  @ApiProperty() name!: string;
  @ApiProperty() question!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ description: 'How many links were answered' }) responses!: number;
}
