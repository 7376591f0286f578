import { Controller, Get, Inject, Param, ParseUUIDPipe, Query, UseInterceptors } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import type { DataSource } from 'typeorm';
import { notFound } from '../../../../libs/domain/src/shared/index.js';
import {
  LEAD_SCORE_PROJECTION,
  LEAD_SCORE_SORTS,
  QUALIFICATIONS,
  explainLeadScore,
  findLeadScore,
  leadScoreContributions,
  listLeadScores,
  type LeadScoreContributionRow,
  type LeadScoreDetail,
  type LeadScoreSort,
  type LeadScoreSummary,
  type Qualification,
} from '../../../../projections/lead-score/index.js';
import type { Runtime } from '../../../../libs/runtime/src/index.js';
import type { Contribution, Qualification as ScoredQualification } from '../../../../libs/scoring/src/index.js';
import { activeLeadScoreBuild, scoreAsOf, verifyLeadScores, type VerifyReport } from '../../../../libs/application/src/index.js';
import { FormulasService } from '../scoring/formulas.service.js';
import { IsInstant } from '../http/validators.js';
import { READ_MODELS, RUNTIME } from '../tokens.js';
import { CsvInterceptor } from './csv.interceptor.js';
import { ReadModelGate } from './read-model-gate.js';
import { ReadModelQuery } from './read-model.dto.js';

const PROJECTION = LEAD_SCORE_PROJECTION;

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

/** A score derived from the log rather than read from the read model. */
export type DerivedLeadScore = Readonly<{
  contactId: string;
  fit: number;
  engagement: number;
  total: number;
  qualification: ScoredQualification;
  formulaId: string;
  asOf: string;
  derivedFrom: 'event-log';
}>;

export type ExplainedContribution = Omit<Contribution, 'groupId' | 'counted'> &
  Readonly<{ groupId: string; counted: number; formulaId: string }>;

export type LeadScoreExplanation = Readonly<{
  contactId: string;
  formulaId: string;
  asOf: string;
  fit: number;
  engagement: number;
  total: number;
  qualification: ScoredQualification;
  /** read-model: the stored contributions; event-log: recomputed at asOf. */
  derivedFrom: 'read-model' | 'event-log';
  contributions: readonly ExplainedContribution[];
}>;

// Query strings may carry any ISO form; the scorer takes instants with a zone.
const instant = (value: string): string => new Date(Date.parse(value)).toISOString();

type Answer<T> = { position: string | null; data: T; nextCursor?: string };

@ApiTags('read-models')
@Controller('v1/read-models/lead-scores')
@UseInterceptors(CsvInterceptor)
export class LeadScoresController {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    @Inject(ReadModelGate) private readonly gate: ReadModelGate,
    @Inject(RUNTIME) private readonly runtime: Runtime,
    @Inject(FormulasService) private readonly formulas: FormulasService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Lead scores of contacts (merged duplicates left out), each as of its latest activity' })
  async list(@Query() query: LeadScoreListDto): Promise<Answer<LeadScoreSummary[]>> {
    await this.gate.reach(PROJECTION, query.minPosition);
    return listLeadScores(this.readModels, {
      qualification: query.qualification,
      minScore: query.minScore,
      sort: query.sort ?? '-score',
      limit: query.limit ?? 50,
      cursor: query.cursor,
    });
  }

  @Get(':contactId')
  @ApiOperation({
    summary:
      "A contact's lead score: fit, engagement, total, qualification, the formula and the as-of instant; with asOf " +
      'and/or formulaId, derived from the event log as it was then (or would have been under that formula)',
  })
  async one(
    @Param('contactId', new ParseUUIDPipe()) contactId: string,
    @Query() query: LeadScoreAsOfDto,
  ): Promise<Answer<LeadScoreDetail | DerivedLeadScore>> {
    if (query.asOf !== undefined || query.formulaId !== undefined) {
      const position = await this.gate.positionFor(PROJECTION, query.minPosition);
      const formula = query.formulaId
        ? (await this.formulas.get(query.formulaId)).formula
        : (await activeLeadScoreBuild(this.runtime.projections)).formula;
      const asOf = instant(query.asOf ?? new Date().toISOString());
      const { fit, engagement, total, qualification, formulaId } = await scoreAsOf(this.runtime.eventStore, formula, contactId, asOf);
      return { position, data: { contactId, fit, engagement, total, qualification, formulaId, asOf, derivedFrom: 'event-log' } };
    }
    await this.gate.reach(PROJECTION, query.minPosition);
    const { position, score } = await findLeadScore(this.readModels, contactId);
    if (!score) throw notFound('lead score', contactId);
    return { position, data: score };
  }

  @Get(':contactId/contributions')
  @ApiOperation({ summary: 'Every rule match and scored event behind a lead score; their counted points add up to the total' })
  async contributions(
    @Param('contactId', new ParseUUIDPipe()) contactId: string,
    @Query() query: ReadModelQuery,
  ): Promise<Answer<LeadScoreContributionRow[]>> {
    await this.gate.reach(PROJECTION, query.minPosition);
    const { position, score } = await findLeadScore(this.readModels, contactId);
    if (!score) throw notFound('lead score', contactId);
    return { position, data: await leadScoreContributions(this.readModels, contactId) };
  }

  @Get(':contactId/explain')
  @ApiOperation({
    summary:
      'Provenance of a lead score: every contribution (event, stream, revision, position, rule, raw points, decay, ' +
      'what the rule cap, group limit and total limit cut) and the formula; they add up to the score',
  })
  async explain(
    @Param('contactId', new ParseUUIDPipe()) contactId: string,
    @Query() query: LeadScoreExplainDto,
  ): Promise<Answer<LeadScoreExplanation>> {
    const position = await this.gate.positionFor(PROJECTION, query.minPosition);
    if (query.asOf !== undefined) {
      const { formula } = await activeLeadScoreBuild(this.runtime.projections);
      const score = await scoreAsOf(this.runtime.eventStore, formula, contactId, instant(query.asOf));
      const { formulaId, asOf, fit, engagement, total, qualification } = score;
      const contributions = score.contributions.map((contribution) => ({ ...contribution, formulaId }));
      return { position, data: { contactId, formulaId, asOf, fit, engagement, total, qualification, derivedFrom: 'event-log', contributions } };
    }
    const explained = await explainLeadScore(this.readModels, contactId);
    if (!explained) throw notFound('lead score', contactId);
    const { formulaId, asOf, fit, engagement, total, qualification } = explained.score;
    const contributions = explained.contributions.map(({ ordinal: _ordinal, ...row }) => ({ ...row, formulaId }));
    return { position, data: { contactId, formulaId, asOf, fit, engagement, total, qualification, derivedFrom: 'read-model', contributions } };
  }

  @Get(':contactId/verify')
  @ApiOperation({
    summary:
      "Re-derives the contact's stored score from the event log alone with the active build's formula, as of the " +
      'stored as-of instant, and lists every field that differs',
  })
  async verify(@Param('contactId', new ParseUUIDPipe()) contactId: string): Promise<VerifyReport> {
    return verifyLeadScores(this.runtime.projections, this.runtime.db.pool, contactId);
  }
}
