import { Body, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import {
  CommandExecutor,
  ProjectionOperations,
  type LeadScoreReadModel,
  type RebuildProgress,
  type ReplayReport,
  type RequestContext,
} from '#application';
import type { BuildStatus } from '#projection-engine';
import type { Runtime } from '#runtime';
import { stacked, Text } from '../http/dto-fields.js';
import { Ctx } from '../http/request-context.decorator.js';
import { LEAD_SCORE_READ_MODEL } from '../read-models/lead-score-read-model.provider.js';
import { ApiRoutes } from '../http/routes.js';
import { FormulasService } from '../scoring/formulas.service.js';
import { OptionalFormulaId } from '../scoring/scoring.dto.js';
import { RUNTIME } from '../tokens.js';
import { ProjectionNameParam } from './projection-name.param.js';
import { BuildList, BuildStatusView, RebuildProgressView, RebuildStartedView, ReplayReportView, ResumedView } from './projections.dto.js';

export class RebuildDto {
  @ApiPropertyOptional({ description: 'Build and report, but never replace the active build' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;

  @OptionalFormulaId('lead-score only: the saved formula to score with')
  formulaId?: string;

  @ApiPropertyOptional({ description: 'lead-score only: why the formula changes (required unless dryRun); recorded in the log' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason?: string;
}

// A build's version, in the path or the query string.
const BuildVersion = (property: PropertyDecorator) => stacked(property, Type(() => Number), IsInt(), Min(1));

export class BuildParam extends ProjectionNameParam {
  @BuildVersion(ApiProperty())
  version!: number;
}

export class ReplayReportQuery {
  @BuildVersion(
    stacked(ApiPropertyOptional({ description: 'The build to compare with (default: the active one, or the previous active one)' }), IsOptional()),
  )
  against?: number;
}

export class SkipDto {
  @Text(200, { description: 'The event the build is parked on (its id, as the status shows it)' })
  eventId!: string;

  @ApiProperty({ description: 'Why the read model may go on without it; recorded in the log with who and when' })
  @IsString()
  @Matches(/\S/, { message: 'reason must say why the event is skipped' })
  @MaxLength(1000)
  reason!: string;
}

@ApiRoutes('projections', 'v1/projections')
export class ProjectionsController {
  private readonly operations: ProjectionOperations;

  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    @Inject(FormulasService) formulas: FormulasService,
    @Inject(CommandExecutor) executor: CommandExecutor,
    @Inject(LEAD_SCORE_READ_MODEL) leadScores: LeadScoreReadModel,
  ) {
    this.operations = new ProjectionOperations(executor, runtime.projections, formulas, leadScores);
  }

  @Get()
  @ApiOperation({ summary: 'Every projection build: version, status, position, lag in events and milliseconds' })
  @ApiOkResponse({ type: BuildList })
  async list(): Promise<{ data: BuildStatus[] }> {
    return { data: await this.runtime.projections.status() };
  }

  @Get(':name')
  @ApiOperation({ summary: "One projection's builds (the active one, rebuilds, retired ones kept for comparison)" })
  @ApiOkResponse({ type: BuildList })
  async one(@Param() { name }: ProjectionNameParam): Promise<{ data: BuildStatus[] }> {
    return { data: await this.runtime.projections.status(name) };
  }

  @Post(':name/rebuilds')
  @HttpCode(202)
  @ApiOperation({ summary: 'Rebuild into new tables beside the active build; the views switch once it has caught up' })
  @ApiAcceptedResponse({ type: RebuildStartedView })
  rebuild(
    @Param() { name }: ProjectionNameParam,
    @Body() { dryRun, formulaId, reason }: RebuildDto,
    @Ctx() context: RequestContext,
  ): Promise<{ name: string; version: number; formulaId?: string }> {
    return this.operations.rebuild(name, { dryRun, formulaId, reason }, context);
  }

  @Get(':name/rebuilds/:version')
  @ApiOperation({ summary: 'Progress of a build: events/s, position, lag and an estimate of the time left' })
  @ApiOkResponse({ type: RebuildProgressView })
  progress(@Param() { name, version }: BuildParam): Promise<RebuildProgress> {
    return this.operations.progress(name, version);
  }

  @Get(':name/rebuilds/:version/report')
  @ApiOperation({
    summary:
      'lead-score only: the replay report of a build against another: contacts whose score and qualification ' +
      'changed, MQL/SQL transitions both ways, the 20 largest movers',
  })
  @ApiOkResponse({ type: ReplayReportView })
  @ApiUnprocessableEntityResponse({ description: 'Only lead-score builds have a replay report' })
  report(@Param() { name, version }: BuildParam, @Query() { against }: ReplayReportQuery): Promise<ReplayReport> {
    return this.operations.report(name, version, against);
  }

  @Post(':name/skips')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Super-admin: let the parked build go on without the event it is parked on, for that build only; the skip is ' +
      'recorded in the log (who, when, why) and shown in the status',
  })
  @ApiCreatedResponse({ type: BuildStatusView })
  @ApiConflictResponse({ description: 'No build of the projection is parked on this event' })
  skip(@Param() { name }: ProjectionNameParam, @Body() { eventId, reason }: SkipDto, @Ctx() context: RequestContext): Promise<BuildStatus> {
    return this.operations.skip(name, eventId, reason, context);
  }

  @Post(':name/resume')
  @HttpCode(202)
  @ApiOperation({ summary: 'Retry a parked projection from the event it parked on (after the cause is fixed)' })
  @ApiAcceptedResponse({ type: ResumedView })
  @ApiConflictResponse({ description: 'The projection is not parked' })
  async resume(@Param() { name }: ProjectionNameParam): Promise<{ name: string; resumed: true }> {
    await this.runtime.projections.resume(name);
    return { name, resumed: true };
  }
}
