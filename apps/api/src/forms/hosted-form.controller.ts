import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiNotFoundResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CommandExecutor, FormService } from '#application';
import { MAX_URL_LENGTH } from '#domain/shared';
import { DomainError } from '#domain/shared';
import { errorPage, formPage, hostedFormCsp } from './hosted-form.html.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The hosted page: plain HTML that works without JavaScript, posting to the public submissions route.
@ApiTags('forms')
@Controller('f')
export class HostedFormController {
  private readonly forms: FormService;

  constructor(@Inject(CommandExecutor) executor: CommandExecutor) {
    this.forms = new FormService(executor);
  }

  @Get(':id')
  @ApiOperation({ summary: 'The hosted form page (public HTML): link to it, or frame it from an allowed origin; hidden fields take query parameters of their name' })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'The form as an accessible HTML page', content: { 'text/html': { schema: { type: 'string' } } } })
  @ApiNotFoundResponse({ description: 'No such form (an HTML page)' })
  async page(
    @Param('id') formId: string,
    @Query() query: Record<string, unknown>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    response.type('html');
    const form = UUID.test(formId) ? await this.forms.get(formId).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') return null;
      throw error;
    }) : null;
    response.setHeader('Content-Security-Policy', hostedFormCsp(form?.definition ?? null));
    // helmet's no-referrer would make the browser send `Origin: null` with the form post, which is refused as foreign.
    response.setHeader('Referrer-Policy', 'same-origin');
    if (form === null) {
      response.status(404);
      return errorPage(404, 'No form has this address.');
    }
    if (form.definition.settings.allowedOrigins.length > 0) response.removeHeader('X-Frame-Options');
    const pageUrl = `${request.protocol}://${request.get('host') ?? 'localhost'}${request.originalUrl}`;
    const values = Object.fromEntries(
      form.definition.fields
        .filter((field) => field.type === 'hidden' && typeof query[field.name] === 'string')
        .map((field) => [field.name, query[field.name] as string]),
    );
    return formPage(formId, form.definition, { pageUrl: pageUrl.length <= MAX_URL_LENGTH ? pageUrl : null, values, errors: {} });
  }
}
