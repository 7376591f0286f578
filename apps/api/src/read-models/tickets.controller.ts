import { Controller, Get, Inject, Query, UseInterceptors } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength, Matches } from 'class-validator';
import type { DataSource } from 'typeorm';
import type { DayRange } from '../../../../libs/read-models/src/index.js';
import {
  TICKETS,
  openTicketsByStage,
  ticketsCreatedPerWeek,
  type OpenTicketsByStage,
  type TicketsCreatedInWeek,
} from '../../../../projections/tickets/index.js';
import { IsInstant } from '../http/validators.js';
import { READ_MODELS } from '../tokens.js';
import { CsvInterceptor } from './csv.interceptor.js';
import { ReadModelGate } from './read-model-gate.js';
import { PIPELINE_ID, PIPELINE_ID_RULE } from '../pipelines/id-param.pipe.js';
import { ReadModelQuery } from './read-model.dto.js';
import { DayRangeQuery, dayRangeOrBadRequest, MAX_REPORT_DAYS } from './rep-activity.controller.js';

export class OpenTicketsQueryDto extends ReadModelQuery {
  @ApiPropertyOptional({ description: 'One ticket pipeline only' })
  @IsOptional()
  @Matches(PIPELINE_ID, { message: `pipelineId must be ${PIPELINE_ID_RULE}` })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  pipelineId?: string;

  @ApiPropertyOptional({ description: 'ISO date-time ages are measured at; default: now' })
  @IsOptional()
  @IsInstant()
  asOf?: string;
}

export class TicketsCreatedQueryDto extends DayRangeQuery {
  @ApiPropertyOptional({ description: 'One ticket pipeline only' })
  @IsOptional()
  @Matches(PIPELINE_ID, { message: `pipelineId must be ${PIPELINE_ID_RULE}` })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  pipelineId?: string;
}

export const DEFAULT_WEEKS_DAYS = 12 * 7;

@ApiTags('read-models')
@Controller('v1/read-models/tickets')
@UseInterceptors(CsvInterceptor)
export class TicketsReadModelController {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    @Inject(ReadModelGate) private readonly gate: ReadModelGate,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Open tickets per pipeline stage, with their average and oldest age in days as of asOf' })
  async openByStage(
    @Query() query: OpenTicketsQueryDto,
  ): Promise<{ position: string | null; asOf: string; data: OpenTicketsByStage[] }> {
    const asOf = new Date(query.asOf ?? Date.now()).toISOString();
    const position = await this.gate.positionFor(TICKETS, query.minPosition);
    const data = await openTicketsByStage(this.readModels, { asOf, pipelineId: query.pipelineId });
    return { position, asOf, data };
  }

  @Get('created-per-week')
  @ApiOperation({ summary: 'Tickets created per ISO week (labelled by its Monday) per pipeline; default: the last 12 weeks' })
  async createdPerWeek(
    @Query() query: TicketsCreatedQueryDto,
  ): Promise<{ position: string | null; range: DayRange; data: TicketsCreatedInWeek[] }> {
    const range = dayRangeOrBadRequest(query, query.asOf ?? new Date().toISOString(), {
      defaultDays: DEFAULT_WEEKS_DAYS,
      maxDays: MAX_REPORT_DAYS,
    });
    const position = await this.gate.positionFor(TICKETS, query.minPosition);
    const data = await ticketsCreatedPerWeek(this.readModels, { range, pipelineId: query.pipelineId });
    return { position, range, data };
  }
}
