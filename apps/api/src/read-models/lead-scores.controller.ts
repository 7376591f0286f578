import { Controller, Get, Inject, Param, ParseUUIDPipe, Query, UseInterceptors } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { DataSource } from 'typeorm';
import { notFound } from '../../../../libs/domain/src/shared/index.js';
import {
  LEAD_SCORE_SORTS,
  QUALIFICATIONS,
  findLeadScore,
  leadScoreContributions,
  listLeadScores,
  type LeadScoreContributionRow,
  type LeadScoreDetail,
  type LeadScoreSort,
  type LeadScoreSummary,
  type Qualification,
} from '../../../../libs/read-models/src/lead-score/lead-score.queries.js';
import { READ_MODELS } from '../tokens.js';
import { CsvInterceptor } from './csv.interceptor.js';
import { ReadModelGate } from './read-model-gate.js';
import { ReadModelQuery } from './read-model.dto.js';

const PROJECTION = 'lead-score';

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

type Answer<T> = { position: string | null; data: T; nextCursor?: string };

@ApiTags('read-models')
@Controller('v1/read-models/lead-scores')
@UseInterceptors(CsvInterceptor)
export class LeadScoresController {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    @Inject(ReadModelGate) private readonly gate: ReadModelGate,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Lead scores of contacts (merged duplicates left out), each as of its latest activity' })
  async list(@Query() query: LeadScoreListDto): Promise<Answer<LeadScoreSummary[]>> {
    const position = await this.gate.positionFor(PROJECTION, query.minPosition);
    const page = await listLeadScores(this.readModels, {
      qualification: query.qualification,
      minScore: query.minScore,
      sort: query.sort ?? '-score',
      limit: query.limit ?? 50,
      cursor: query.cursor,
    });
    return { position, ...page };
  }

  @Get(':contactId')
  @ApiOperation({ summary: "A contact's lead score: fit, engagement, total, qualification, the formula and the as-of instant" })
  async one(
    @Param('contactId', new ParseUUIDPipe()) contactId: string,
    @Query() query: ReadModelQuery,
  ): Promise<Answer<LeadScoreDetail>> {
    const position = await this.gate.positionFor(PROJECTION, query.minPosition);
    const score = await findLeadScore(this.readModels, contactId);
    if (!score) throw notFound('lead score', contactId);
    return { position, data: score };
  }

  @Get(':contactId/contributions')
  @ApiOperation({ summary: 'Every rule match and scored event behind a lead score; their counted points add up to the total' })
  async contributions(
    @Param('contactId', new ParseUUIDPipe()) contactId: string,
    @Query() query: ReadModelQuery,
  ): Promise<Answer<LeadScoreContributionRow[]>> {
    const position = await this.gate.positionFor(PROJECTION, query.minPosition);
    const score = await findLeadScore(this.readModels, contactId);
    if (!score) throw notFound('lead score', contactId);
    return { position, data: await leadScoreContributions(this.readModels, contactId) };
  }
}
