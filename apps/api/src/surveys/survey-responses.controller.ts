import { Body, Inject, Post, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { SurveyService, type RequestContext } from '#application';
import type { SurveyResponded } from '#domain/survey';
import { Ctx } from '../http/request-context.decorator.js';
import { ApiRoutes } from '../http/routes.js';
import { toResponse } from '../write/command-response.js';
import { SurveyResponseRateLimitGuard } from './survey-response-rate-limit.guard.js';
import { SurveyAnsweredResponse, SurveyResponseDto } from './surveys.dto.js';

// Public by design (route-areas.ts): a customer answers with the link's signed token and no API key. Hostile
// input is refused before anything is written: a token this server did not sign, a score out of the type's range.
@ApiRoutes('surveys', 'v1/survey-responses')
export class SurveyResponsesController {
  constructor(@Inject(SurveyService) private readonly surveys: SurveyService) {}

  @Post()
  @UseGuards(SurveyResponseRateLimitGuard)
  @ApiOperation({ summary: "Answer a survey link (public, no API key): the token, the score in the survey type's range, an optional comment" })
  @ApiCreatedResponse({ type: SurveyAnsweredResponse })
  @ApiBadRequestResponse({ description: 'A field at fault: a token this server did not sign ({error: SURVEY_TOKEN_INVALID}), a score out of range, an over-long comment' })
  @ApiNotFoundResponse({ description: 'A well-signed token of a link that was never issued' })
  @ApiConflictResponse({ description: 'The link was answered already: {error: SURVEY_LINK_USED}' })
  @ApiTooManyRequestsResponse({ description: 'Too many answers from this address this minute (TALLY_SURVEY_RATE_LIMIT)' })
  @ApiServiceUnavailableResponse({ description: 'No signing secret is configured: {error: SURVEY_SIGNING_UNCONFIGURED}' })
  async respond(@Body() body: SurveyResponseDto, @Ctx() context: RequestContext): Promise<SurveyAnsweredResponse> {
    const result = await this.surveys.respond(body, context);
    const answered = result.events.find((event): event is SurveyResponded => event.type === 'SurveyResponded');
    return { ...toResponse(result.linkId, result), category: answered?.data.category ?? '' };
  }
}
