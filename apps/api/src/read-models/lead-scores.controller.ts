import { Controller, Get, Inject, Param, ParseUUIDPipe, Query, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import type { DataSource } from 'typeorm';
import {
  LEAD_SCORE_SORTS,
  QUALIFICATIONS,
  type LeadScoreContributionRow,
  type LeadScoreDetail,
  type LeadScoreSort,
  type LeadScoreSummary,
  type Qualification,
} from '#projections/lead-score';
import type { Runtime } from '#runtime';
import {
  LeadScoreReads,
  verifyLeadScores,
  type DerivedLeadScore,
  type LeadScoreExplanation,
  type VerifyReport,
} from '#application';
import { FormulasService } from '../scoring/formulas.service.js';
import { IsInstant } from '../http/validators.js';
import { READ_MODELS, RUNTIME } from '../tokens.js';
import { CsvInterceptor } from './csv.interceptor.js';
import { ReadModelAnswer } from './read-model-answer.js';
import { ReadModelGate } from './read-model-gate.js';
import {
  DerivedLeadScoreDto,
  LeadScoreContributionRowDto,
  LeadScoreDetailDto,
  LeadScoreExplanationDto,
  LeadScoreSummaryDto,
  VerifyReportDto,
} from './read-model-rows.dto.js';
import { ReadModelQuery } from './read-model.dto.js';

export class LeadScoreListDto extends ReadModelQuery {
  @ApiPropertyOptional({ enum: QUALIFICATIONS })
  @IsOptional()
  @IsIn(QUALIFICATIONS)
  qualification?: Qualification;

  @ApiPropertyOptional({ description: 'Only contacts whose total is at least this' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  minScore?: number;

  @ApiPropertyOptional({ enum: LEAD_SCORE_SORTS, default: '-score', description: 'updated: by the score\'s as-of instant' })
  @IsOptional()
  @IsIn(LEAD_SCORE_SORTS)
  sort?: LeadScoreSort;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page, with the same filters and sort' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

export class LeadScoreAsOfDto extends ReadModelQuery {
  @ApiPropertyOptional({ description: 'ISO date-time: the score as it was then, derived from the event log' })
  @IsOptional()
  @IsInstant()
  asOf?: string;

  @ApiPropertyOptional({ description: 'A saved formula: the score it would have given (default: the active build\'s)' })
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/, { message: 'formulaId must be a formula id (64 hex characters)' })
  formulaId?: string;
}

export class LeadScoreExplainDto extends ReadModelQuery {
  @ApiPropertyOptional({ description: 'ISO date-time: recompute from the log with the active formula (default: the stored score)' })
  @IsOptional()
  @IsInstant()
  asOf?: string;
}

type Answer<T> = { position: string | null; data: T; nextCursor?: string };

@ApiTags('read-models')
@Controller('v1/read-models/lead-scores')
@UseInterceptors(CsvInterceptor)
export class LeadScoresController {
  private readonly scores: LeadScoreReads;

  constructor(
    @Inject(READ_MODELS) readModels: DataSource,
    @Inject(ReadModelGate) gate: ReadModelGate,
    @Inject(RUNTIME) private readonly runtime: Runtime,
    @Inject(FormulasService) formulas: FormulasService,
  ) {
    this.scores = new LeadScoreReads(readModels, gate, runtime.projections, formulas);
  }

  @Get()
  @ApiOperation({ summary: 'Lead scores of contacts (merged duplicates left out), each as of its latest activity' })
  @ReadModelAnswer({ row: LeadScoreSummaryDto, many: true, paged: true })
  list(@Query() { qualification, minScore, sort, limit, cursor, minPosition }: LeadScoreListDto): Promise<Answer<LeadScoreSummary[]>> {
    return this.scores.list({ qualification, minScore, sort, limit, cursor, minPosition });
  }

  @Get(':contactId')
  @ApiOperation({
    summary:
      "A contact's lead score: fit, engagement, total, qualification, the formula and the as-of instant; with asOf " +
      'and/or formulaId, derived from the event log as it was then (or would have been under that formula)',
  })
  @ReadModelAnswer({ row: LeadScoreDetailDto, or: [DerivedLeadScoreDto] })
  one(
    @Param('contactId', new ParseUUIDPipe()) contactId: string,
    @Query() { asOf, formulaId, minPosition }: LeadScoreAsOfDto,
  ): Promise<Answer<LeadScoreDetail | DerivedLeadScore>> {
    return this.scores.score(contactId, { asOf, formulaId, minPosition });
  }

  @Get(':contactId/contributions')
  @ApiOperation({ summary: 'Every rule match and scored event behind a lead score; their counted points add up to the total' })
  @ReadModelAnswer({ row: LeadScoreContributionRowDto, many: true })
  contributions(
    @Param('contactId', new ParseUUIDPipe()) contactId: string,
    @Query() query: ReadModelQuery,
  ): Promise<Answer<LeadScoreContributionRow[]>> {
    return this.scores.contributions(contactId, query.minPosition);
  }

  @Get(':contactId/explain')
  @ApiOperation({
    summary:
      'Provenance of a lead score: every contribution (event, stream, revision, position, rule, raw points, decay, ' +
      'what the rule cap, group limit and total limit cut) and the formula; they add up to the score',
  })
  @ReadModelAnswer({ row: LeadScoreExplanationDto })
  explain(
    @Param('contactId', new ParseUUIDPipe()) contactId: string,
    @Query() { asOf, minPosition }: LeadScoreExplainDto,
  ): Promise<Answer<LeadScoreExplanation>> {
    return this.scores.explain(contactId, { asOf, minPosition });
  }

  @Get(':contactId/verify')
  @ApiOperation({
    summary:
      "Re-derives the contact's stored score from the event log alone with the active build's formula, as of the " +
      'stored as-of instant, and lists every field that differs',
  })
  @ApiOkResponse({ type: VerifyReportDto })
  verify(@Param('contactId', new ParseUUIDPipe()) contactId: string): Promise<VerifyReport> {
    return verifyLeadScores(this.runtime.projections, this.runtime.db.pool, contactId);
  }
}
