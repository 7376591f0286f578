import { Get, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { resolveDayRange, type DayRange } from '#read-models';
import {
  TICKETS,
  openTicketsByStage,
  ticketsCreatedPerWeek,
  type OpenTicketsByStage,
  type TicketsCreatedInWeek,
} from '#projections/tickets';
import { IsInstant } from '../http/validators.js';
import { ReadModelAnswer } from './read-model-answer.js';
import { ReadModelController, ReadModelRoutes } from './read-model-controller.js';
import { OpenTicketsByStageDto, TicketsCreatedInWeekDto } from './read-model-rows.dto.js';
import { OptionalTicketPipelineId, ReadModelQuery } from './read-model.dto.js';
import { DAY_RANGE_SCHEMA, DayRangeQuery, MAX_REPORT_DAYS } from './rep-activity.controller.js';

export class OpenTicketsQueryDto extends ReadModelQuery {
  @OptionalTicketPipelineId()
  pipelineId?: string;

  @ApiPropertyOptional({ description: 'ISO date-time ages are measured at; default: now' })
  @IsOptional()
  @IsInstant()
  asOf?: string;
}

export class TicketsCreatedQueryDto extends DayRangeQuery {
  @OptionalTicketPipelineId()
  pipelineId?: string;
}

export const DEFAULT_WEEKS_DAYS = 12 * 7;

@ReadModelRoutes('v1/read-models/tickets')
export class TicketsReadModelController extends ReadModelController {
  @Get()
  @ApiOperation({ summary: 'Open tickets per pipeline stage, with their average and oldest age in days as of asOf' })
  @ReadModelAnswer({ row: OpenTicketsByStageDto, many: true, extra: { asOf: { type: 'string', format: 'date-time' } } })
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
  @ReadModelAnswer({ row: TicketsCreatedInWeekDto, many: true, extra: { range: DAY_RANGE_SCHEMA } })
  async createdPerWeek(
    @Query() query: TicketsCreatedQueryDto,
  ): Promise<{ position: string | null; range: DayRange; data: TicketsCreatedInWeek[] }> {
    const range = resolveDayRange(query, query.asOf ?? new Date().toISOString(), {
      defaultDays: DEFAULT_WEEKS_DAYS,
      maxDays: MAX_REPORT_DAYS,
    });
    const position = await this.gate.positionFor(TICKETS, query.minPosition);
    const data = await ticketsCreatedPerWeek(this.readModels, { range, pipelineId: query.pipelineId });
    return { position, range, data };
  }
}
