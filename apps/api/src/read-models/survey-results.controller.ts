import { Get, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { validationFailed } from '#application';
import {
  npsReport,
  ratingReport,
  SURVEY_RESULTS,
  surveyComments,
  type NpsReport,
  type RatingReport,
  type SurveyComment,
} from '#projections/survey-results';
import { ReadModelAnswer } from './read-model-answer.js';
import { ReadModelController, ReadModelRoutes } from './read-model-controller.js';
import { NpsReportDto, RatingReportDto, SurveyCommentDto, SurveyCommentsQueryDto, SurveyResultsQueryDto } from './survey-results.dto.js';

const GROUP_KEYS = { groups: ['key'] };

/** from after to is no range: 400 naming from. */
const checkRange = (query: Readonly<{ from?: string; to?: string }>): void => {
  if (query.from !== undefined && query.to !== undefined && query.from > query.to) throw validationFailed([{ field: 'from', reason: 'must not be after to' }]);
};

@ReadModelRoutes('v1/read-models')
export class SurveyResultsController extends ReadModelController {
  @Get('nps')
  @ApiOperation({
    summary: 'NPS: promoters (9-10), passives (7-8), detractors (0-6) and score = % promoters - % detractors (1 decimal, half to even)',
    description:
      "Per survey or over every NPS survey, over UTC days; groupBy adds the same per period (the answer's UTC month), team (of the " +
      "contact's owner when answered) or ticketPipeline (of the linked ticket). 9, 10 and 3 score 33.3.",
  })
  @ReadModelAnswer({ row: NpsReportDto, keys: GROUP_KEYS })
  async nps(@Query() query: SurveyResultsQueryDto): Promise<{ position: string | null; data: NpsReport }> {
    checkRange(query);
    const position = await this.gate.positionFor(SURVEY_RESULTS, query.minPosition);
    return { position, data: await npsReport(this.readModels, query) };
  }

  @Get('ces')
  @ApiOperation({ summary: 'CES (1-7, 7 = very easy): answers, average (2 decimals, half to even), distribution and categories, optionally per group' })
  @ReadModelAnswer({ row: RatingReportDto, keys: GROUP_KEYS })
  async ces(@Query() query: SurveyResultsQueryDto): Promise<{ position: string | null; data: RatingReport }> {
    checkRange(query);
    const position = await this.gate.positionFor(SURVEY_RESULTS, query.minPosition);
    return { position, data: await ratingReport(this.readModels, 'ces', query) };
  }

  @Get('csat')
  @ApiOperation({ summary: 'CSAT (1-5): answers, average (2 decimals, half to even), distribution and categories, optionally per group' })
  @ReadModelAnswer({ row: RatingReportDto, keys: GROUP_KEYS })
  async csat(@Query() query: SurveyResultsQueryDto): Promise<{ position: string | null; data: RatingReport }> {
    checkRange(query);
    const position = await this.gate.positionFor(SURVEY_RESULTS, query.minPosition);
    return { position, data: await ratingReport(this.readModels, 'csat', query) };
  }

  @Get('survey-comments')
  @ApiOperation({ summary: 'The answers with a comment, newest first, a page at a time; by survey, type, category and UTC days' })
  @ReadModelAnswer({ row: SurveyCommentDto, many: true, paged: true })
  async comments(@Query() query: SurveyCommentsQueryDto): Promise<{ position: string | null; data: SurveyComment[]; nextCursor: string | null }> {
    checkRange(query);
    const position = await this.gate.positionFor(SURVEY_RESULTS, query.minPosition);
    const page = await surveyComments(this.readModels, {
      surveyId: query.surveyId,
      surveyType: query.type,
      category: query.category,
      from: query.from,
      to: query.to,
      limit: query.limit ?? 50,
      cursor: query.cursor,
    });
    return { position, ...page };
  }
}
