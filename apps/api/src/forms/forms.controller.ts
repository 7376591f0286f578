import { Body, Get, HttpCode, Inject, Options, Patch, Post, Req, Res, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApplicationError, CommandExecutor, FormService, FormSubmissionService, type ActiveForm, type RequestContext } from '#application';
import { utmOf, type FormCommand } from '#domain/form';
import { Logger } from '@nestjs/common';
import { toHttpError } from '../http/error.filter.js';
import { Ctx, IfMatch, requestContextOf, type TallyRequest } from '../http/request-context.decorator.js';
import { ApiRoutes, CommandRoute, CreateRoute, IdParam } from '../http/routes.js';
import { CommandResponse } from '../write/command-response.js';
import { CommandRoutes } from '../write/command-routes.js';
import { ExecuteFormCommand } from './form.handler.js';
import { FormSubmissionRateLimit } from './form-rate-limit.js';
import { answerPreflight, applyFormCors, submissionOf, type SubmissionRequest } from './form-request.js';
import { CreateFormDto, FormSubmissionDto, FormSubmissionResponse, FormView, UpdateFormDto } from './forms.dto.js';
import { errorPage, formPage, hostedFormCsp, redirectPage, thankYouPage } from './hosted-form.html.js';

const FIELDS_AT_FAULT = 'A field at fault, named in fields: a type, a rule, a mapping, no required email field, a setting';

export const formView = (form: ActiveForm): FormView => ({
  id: form.formId,
  version: form.version,
  revision: form.revision,
  name: form.definition.name,
  fields: form.definition.fields.map((field) => ({ ...field, validation: { ...field.validation, options: field.validation.options ? [...field.validation.options] : null } })),
  settings: { ...form.definition.settings, allowedOrigins: [...form.definition.settings.allowedOrigins] },
  hostedUrl: `/f/${form.formId}`,
});

@ApiRoutes('forms', 'v1/forms')
export class FormsController {
  private readonly forms: CommandRoutes<FormCommand>;
  private readonly reads: FormService;
  private readonly submissions: FormSubmissionService;

  constructor(@Inject(CommandBus) commands: CommandBus, @Inject(CommandExecutor) executor: CommandExecutor) {
    this.forms = new CommandRoutes(commands, ExecuteFormCommand, (command) => command.data.formId);
    this.reads = new FormService(executor);
    const logger = new Logger('unique-values');
    this.submissions = new FormSubmissionService(executor, (message) => logger.warn(message));
  }

  @CreateRoute('Define a form: its fields (type, label, required, rules, the contact field or property each fills in) and settings')
  @ApiBadRequestResponse({ description: FIELDS_AT_FAULT })
  create(@Body() body: CreateFormDto, @Ctx() context: RequestContext): Promise<CommandResponse> {
    return this.forms.run('CreateForm', { formId: context.ids.next('form'), ...body }, context);
  }

  @Get(':id')
  @ApiOperation({ summary: "A form's current definition (public: a page that embeds the form reads it without a key)" })
  @ApiOkResponse({ type: FormView })
  @ApiNotFoundResponse({ description: 'No such form' })
  async get(@IdParam() formId: string, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<FormView> {
    const form = await this.reads.get(formId);
    applyFormCors(request, response, form.definition.settings, false);
    return formView(form);
  }

  @Options(':id')
  @HttpCode(204)
  @ApiOperation({ summary: "CORS preflight for reading a form from a page of one of its allowed origins" })
  @ApiNoContentResponse({ description: 'Access-Control-Allow-* headers when the Origin is allowed' })
  @ApiNotFoundResponse({ description: 'No such form' })
  async preflightForm(@IdParam() formId: string, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    answerPreflight(request, response, (await this.reads.get(formId)).definition.settings, 'GET, HEAD, OPTIONS');
  }

  @CommandRoute(Patch(':id'), "Change a form: a new version (name, the whole list of fields, or settings merged into the current ones)")
  @ApiBadRequestResponse({ description: FIELDS_AT_FAULT })
  @ApiConflictResponse({ description: 'If-Match names a revision the form has moved past' })
  @ApiNotFoundResponse({ description: 'No such form' })
  update(@IdParam() formId: string, @Body() body: UpdateFormDto, @Ctx() context: RequestContext, @IfMatch() ifMatch: number | undefined): Promise<CommandResponse> {
    return this.forms.run('UpdateForm', { formId, ...body }, context, ifMatch);
  }

  @Options(':id/submissions')
  @HttpCode(204)
  @ApiOperation({ summary: "CORS preflight for a submission from a page of one of the form's allowed origins" })
  @ApiNoContentResponse({ description: 'Access-Control-Allow-* headers when the Origin is allowed' })
  @ApiNotFoundResponse({ description: 'No such form' })
  async preflightSubmission(@IdParam() formId: string, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    answerPreflight(request, response, (await this.reads.get(formId)).definition.settings, 'POST, OPTIONS');
  }

  @Post(':id/submissions')
  @UseGuards(FormSubmissionRateLimit)
  @ApiOperation({
    summary:
      'Submit a form (public, no key): creates the contact (201) or updates the one with that email (200), records FormSubmitted with the page and its UTM parameters. ' +
      'A browser form post (urlencoded) is answered with the thank-you page, a 303 to the redirect URL, or the form again with its errors',
  })
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded')
  @ApiBody({ type: FormSubmissionDto })
  @ApiCreatedResponse({ type: FormSubmissionResponse, description: 'A new contact' })
  @ApiOkResponse({ type: FormSubmissionResponse, description: 'An existing contact, found by its normalized email' })
  @ApiBadRequestResponse({ description: 'Each field at fault, named: unknown, missing, malformed, or the honeypot filled in' })
  @ApiForbiddenResponse({ description: "A browser's post from an origin the form does not allow" })
  @ApiNotFoundResponse({ description: 'No such form' })
  @ApiPayloadTooLargeResponse({ description: 'A body over 32 KB' })
  @ApiUnsupportedMediaTypeResponse({ description: 'Neither JSON nor a urlencoded form post' })
  async submit(@IdParam() formId: string, @Req() request: TallyRequest, @Res({ passthrough: true }) response: Response): Promise<FormSubmissionResponse | string> {
    let submission: SubmissionRequest | null = null;
    let form: ActiveForm | null = null;
    try {
      const context = requestContextOf(request);
      form = await this.reads.get(formId);
      applyFormCors(request, response, form.definition.settings, true);
      submission = await submissionOf(request);
      const { contactId, created, form: submitted, result } = await this.submissions.submit({ formId, fields: submission.fields, pageUrl: submission.pageUrl }, context);
      const { settings } = submitted.definition;
      response.status(created ? 201 : 200);
      if (submission.kind === 'form') return this.browserAnswer(response, submitted, settings.redirectUrl);
      return {
        id: contactId,
        created,
        formId,
        formVersion: submitted.version,
        message: settings.thankYouMessage,
        redirectUrl: settings.redirectUrl,
        utm: { ...utmOf(typeof submission.pageUrl === 'string' ? submission.pageUrl : null) },
        position: result.position,
      };
    } catch (error) {
      // A browser gets a page back, never JSON: the form again with its errors, or a page naming the refusal.
      const browser = submission?.kind === 'form' || (submission === null && !!request.is('application/x-www-form-urlencoded'));
      const mapped = browser ? toHttpError(error) : null;
      if (!mapped) throw error;
      response.status(mapped.status).type('html').setHeader('Content-Security-Policy', hostedFormCsp(form?.definition ?? null));
      const problems = (mapped.body.fields ?? []) as { field: string; reason: string }[];
      if (form !== null && submission !== null && error instanceof ApplicationError && error.code === 'VALIDATION_FAILED') {
        const errors = Object.fromEntries(problems.filter(({ field }) => field.startsWith('fields.')).map(({ field, reason }) => [field.slice('fields.'.length), reason]));
        const values = Object.fromEntries(Object.entries(submission.fields).filter(([name]) => !name.startsWith('_')).map(([name, value]) => [name, String(value)]));
        const pageUrl = typeof submission.pageUrl === 'string' ? submission.pageUrl : null;
        if (Object.keys(errors).length > 0 && !Object.hasOwn(errors, '_hp')) return formPage(formId, form.definition, { pageUrl, values, errors });
      }
      return errorPage(mapped.status, String(mapped.body.message ?? 'the submission was refused'));
    }
  }

  private browserAnswer(response: Response, form: ActiveForm, redirectUrl: string | null): string {
    response.type('html').setHeader('Content-Security-Policy', hostedFormCsp(form.definition));
    if (redirectUrl === null) return thankYouPage(form.definition);
    response.status(303).setHeader('Location', redirectUrl);
    return redirectPage(redirectUrl);
  }
}
