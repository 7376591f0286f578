import { Body, Get, Inject, Post, Query, Req, UseInterceptors } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import type { DataSource } from 'typeorm';
import { SurveyService, type RequestContext } from '#application';
import { notFound } from '#domain/shared';
import { listSurveys, SURVEY_RESULTS, type SurveySummary } from '#projections/survey-results';
import { Ctx } from '../http/request-context.decorator.js';
import { ApiRoutes, CreateRoute, IdParam } from '../http/routes.js';
import { CsvInterceptor } from '../read-models/csv.interceptor.js';
import { ReadModelAnswer } from '../read-models/read-model-answer.js';
import { ReadModelGate } from '../read-models/read-model-gate.js';
import { ReadModelQuery } from '../read-models/read-model.dto.js';
import { READ_MODELS } from '../tokens.js';
import { toResponse, type CommandResponse } from '../write/command-response.js';
import { CreateSurveyDto, IssueSurveyLinkDto, SurveyLinkResponse, SurveySummaryDto, SurveyView } from './surveys.dto.js';

const NO_SECRET = 'No signing secret is configured (TALLY_SURVEY_SIGNING_SECRET): {error: SURVEY_SIGNING_UNCONFIGURED}; no unsigned link is ever issued';

/** The hosted answer page of a token, on the host the link was asked from. */
export const answerPageUrl = (request: Request, token: string): string => `${request.protocol}://${request.get('host') ?? 'localhost'}/s/${token}`;

@ApiRoutes('surveys', 'v1/surveys')
export class SurveysController {
  constructor(
    @Inject(SurveyService) private readonly surveys: SurveyService,
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    @Inject(ReadModelGate) private readonly gate: ReadModelGate,
  ) {}

  @CreateRoute('Define a survey: NPS (0-10), CES (1-7) or CSAT (1-5), with its question')
  @ApiBadRequestResponse({ description: 'A field at fault, named in fields: an unknown type, a blank or over-long name or question' })
  async create(@Body() body: CreateSurveyDto, @Ctx() context: RequestContext): Promise<CommandResponse> {
    const surveyId = context.ids.next('survey');
    return toResponse(surveyId, await this.surveys.create({ type: 'CreateSurvey', data: { surveyId, ...body }, metadata: { now: context.now } }, context));
  }

  @Get()
  @UseInterceptors(CsvInterceptor)
  @ApiOperation({ summary: 'Every survey, newest first, with how many links were answered (the survey-results read model)' })
  @ReadModelAnswer({ row: SurveySummaryDto, many: true })
  async list(@Query() query: ReadModelQuery): Promise<{ position: string | null; data: SurveySummary[] }> {
    const position = await this.gate.positionFor(SURVEY_RESULTS, query.minPosition);
    return { position, data: await listSurveys(this.readModels) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'A survey as its stream says now, with its revision' })
  @ApiOkResponse({ type: SurveyView })
  @ApiNotFoundResponse()
  async get(@IdParam() surveyId: string): Promise<SurveyView> {
    const survey = await this.surveys.get(surveyId);
    if (survey === null) throw notFound('survey', surveyId);
    return survey;
  }

  @Post(':id/links')
  @ApiOperation({ summary: 'Issue a contact (optionally about a ticket) a response link: a signed token, answered once without an API key' })
  @ApiCreatedResponse({ type: SurveyLinkResponse })
  @ApiBadRequestResponse({ description: 'contactId or ticketId names no contact or ticket' })
  @ApiNotFoundResponse({ description: 'No such survey' })
  @ApiServiceUnavailableResponse({ description: NO_SECRET })
  async issueLink(
    @IdParam() surveyId: string,
    @Body() body: IssueSurveyLinkDto,
    @Ctx() context: RequestContext,
    @Req() request: Request,
  ): Promise<SurveyLinkResponse> {
    const { linkId, token, result } = await this.surveys.issueLink({ surveyId, contactId: body.contactId, ticketId: body.ticketId ?? null }, context);
    return { ...toResponse(linkId, result), linkId, token, url: answerPageUrl(request, token) };
  }
}
