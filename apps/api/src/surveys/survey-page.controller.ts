// The hosted answer page of a survey link (public, route-areas.ts): plain HTML that works without JavaScript. GET
// shows the question with one radio button per score of the survey's scale and a comment box; the form posts back
// to the same address (application/x-www-form-urlencoded), which answers through the same use case as
// POST /v1/survey-responses: signed token, one answer, the score's range, the per-address limit.
import { Controller, Get, Header, HttpCode, Inject, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import express, { type Request, type Response } from 'express';
import { ApplicationError, SURVEY_TOKEN_LENGTH, SurveyError, SurveyService, type SurveyLinkPage } from '#application';
import { DomainError } from '#domain/shared';
import { SCORE_RANGES } from '#domain/survey';
import { requestContextOf, type TallyRequest } from '../http/request-context.decorator.js';
import { statusOf } from '../http/error.filter.js';
import { escapeHtml } from '../forms/hosted-form.html.js';
import { SurveyResponseRateLimitGuard } from './survey-response-rate-limit.guard.js';


const page = (title: string, body: string): string => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;

const SCALE_HINTS: Readonly<Record<SurveyLinkPage['type'], readonly [string, string]>> = {
  nps: ['0 = not at all likely', '10 = extremely likely'],
  ces: ['1 = very difficult', '7 = very easy'],
  csat: ['1 = very dissatisfied', '5 = very satisfied'],
};

const formPage = (link: SurveyLinkPage, token: string, problem: string | null): string => {
  const { min, max } = SCORE_RANGES[link.type];
  const scores = Array.from({ length: max - min + 1 }, (_, index) => min + index);
  const [low, high] = SCALE_HINTS[link.type];
  return page(
    link.name,
    `<h1>${escapeHtml(link.name)}</h1>
${problem === null ? '' : `<p role="alert" id="problem">${escapeHtml(problem)}</p>`}
<form method="post" action="/s/${escapeHtml(token)}">
<fieldset${problem === null ? '' : ' aria-describedby="problem"'}>
<legend>${escapeHtml(link.question)} (${escapeHtml(low)}, ${escapeHtml(high)})</legend>
${scores.map((score) => `<label><input type="radio" name="score" value="${score}" required> ${score}</label>`).join('\n')}
</fieldset>
<p><label for="comment">Comment (optional)</label><br>
<textarea id="comment" name="comment" maxlength="2000" rows="4" cols="50"></textarea></p>
<p><button type="submit">Send</button></p>
</form>`,
  );
};

const statusAndMessageOf = (error: unknown): { status: number; message: string } | null =>
  error instanceof SurveyError || error instanceof ApplicationError || error instanceof DomainError ? { status: statusOf(error.code), message: error.message } : null;

const urlencoded = express.urlencoded({ extended: false, limit: '8kb', parameterLimit: 10 });

/** The form's fields, parsed here when no parser before this route took the body. */
const formOf = (request: Request, response: Response): Promise<Record<string, unknown>> =>
  new Promise((resolve, reject) =>
    urlencoded(request, response, (error?: unknown) => (error ? reject(error) : resolve((request.body ?? {}) as Record<string, unknown>))),
  );

@ApiExcludeController()
@Controller('s')
export class SurveyPageController {
  constructor(@Inject(SurveyService) private readonly surveys: SurveyService) {}

  @Get(':token')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  async show(@Param('token') token: string, @Res({ passthrough: true }) response: Response): Promise<string> {
    try {
      const link = await this.surveys.linkOf(token);
      return link.answered ? page(link.name, '<h1>Thank you</h1>\n<p>This survey has been answered already.</p>') : formPage(link, token, null);
    } catch (error) {
      return this.problemPage(error, response);
    }
  }

  @Post(':token')
  @HttpCode(201)
  @UseGuards(SurveyResponseRateLimitGuard)
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  async answer(@Param('token') token: string, @Req() request: TallyRequest, @Res({ passthrough: true }) response: Response): Promise<string> {
    try {
      if (token.length > SURVEY_TOKEN_LENGTH) return this.problemPage(new ApplicationError('VALIDATION_FAILED', 'token: is not a survey link token'), response);
      const form = await formOf(request, response);
      const scoreText = typeof form.score === 'string' ? form.score.trim() : '';
      const score = /^\d{1,2}$/.test(scoreText) ? Number(scoreText) : form.score;
      const comment = typeof form.comment === 'string' ? form.comment : undefined;
      try {
        await this.surveys.respond({ token, score, comment }, requestContextOf(request));
      } catch (error) {
        // A score out of range or an over-long comment: the form again, with the reason.
        if (error instanceof ApplicationError && error.code === 'VALIDATION_FAILED') {
          response.status(400);
          return formPage(await this.surveys.linkOf(token), token, error.message);
        }
        throw error;
      }
      return page('Thank you', '<h1>Thank you</h1>\n<p>Your answer has been recorded.</p>');
    } catch (error) {
      return this.problemPage(error, response);
    }
  }

  private problemPage(error: unknown, response: Response): string {
    const known = statusAndMessageOf(error);
    if (known === null) throw error;
    response.status(known.status);
    const title = known.status === 409 ? 'Already answered' : known.status === 404 || known.status === 400 ? 'Survey link not found' : 'Survey unavailable';
    return page(title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(known.message)}</p>`);
  }
}
