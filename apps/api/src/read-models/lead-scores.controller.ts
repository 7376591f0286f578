import { Get, Inject, Query, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNumber, IsOptional } from 'class-validator';
import { LEAD_SCORE_SORTS, QUALIFICATIONS, type Qualification } from '#projections/lead-score';
import type { Runtime } from '#runtime';
import {
  LeadScoreReads,
  verifyLeadScores,
  type DerivedLeadScore,
  type LeadScoreContributionRow,
  type LeadScoreDetail,
  type LeadScoreExplanation,
  type LeadScoreReadModel,
  type LeadScoreSort,
  type LeadScoreSummary,
  type VerifyReport,
} from '#application';
import { OptionalFormulaId } from '../scoring/scoring.dto.js';
import { FormulasService } from '../scoring/formulas.service.js';
import { PageCursor, PageLimit } from '../http/dto-fields.js';
import { ApiRoutes, IdParam } from '../http/routes.js';
import { IsInstant } from '../http/validators.js';
import { RUNTIME } from '../tokens.js';
import { CsvInterceptor } from './csv.interceptor.js';
import { LEAD_SCORE_READ_MODEL } from './lead-score-read-model.provider.js';
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

  @PageLimit(500, 50)
  limit?: number;

  @PageCursor(500, 'nextCursor of the previous page, with the same filters and sort')
  cursor?: string;
}

export class LeadScoreAsOfDto extends ReadModelQuery {
  @ApiPropertyOptional({ description: 'ISO date-time: the score as it was then, derived from the event log' })
  @IsOptional()
  @IsInstant()
  asOf?: string;

  @OptionalFormulaId("A saved formula: the score it would have given (default: the active build's)")
  formulaId?: string;
}

export class LeadScoreExplainDto extends ReadModelQuery {
  @ApiPropertyOptional({ description: 'ISO date-time: recompute from the log with the active formula (default: the stored score)' })
  @IsOptional()
  @IsInstant()
  asOf?: string;
}

type Answer<T> = { position: string | null; data: T; nextCursor?: string };

@ApiRoutes('read-models', 'v1/read-models/lead-scores')
@UseInterceptors(CsvInterceptor)
export class LeadScoresController {
  private readonly scores: LeadScoreReads;

  constructor(
    @Inject(LEAD_SCORE_READ_MODEL) private readonly leadScores: LeadScoreReadModel,
    @Inject(ReadModelGate) gate: ReadModelGate,
    @Inject(RUNTIME) private readonly runtime: Runtime,
    @Inject(FormulasService) formulas: FormulasService,
  ) {
    this.scores = new LeadScoreReads(leadScores, gate, runtime.projections, formulas);
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
    @IdParam('contactId') contactId: string,
    @Query() { asOf, formulaId, minPosition }: LeadScoreAsOfDto,
  ): Promise<Answer<LeadScoreDetail | DerivedLeadScore>> {
    return this.scores.score(contactId, { asOf, formulaId, minPosition });
  }

  @Get(':contactId/contributions')
  @ApiOperation({ summary: 'Every rule match and scored event behind a lead score; their counted points add up to the total' })
  @ReadModelAnswer({ row: LeadScoreContributionRowDto, many: true })
  contributions(
    @IdParam('contactId') contactId: string,
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
    @IdParam('contactId') contactId: string,
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
  verify(@IdParam('contactId') contactId: string): Promise<VerifyReport> {
    return verifyLeadScores(this.runtime.projections, this.leadScores, contactId);
  }
}
