import { Body, Get, HttpCode, Inject, Param, Post, Put, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import {
  validationFailed,
  WorkflowInvalid,
  type ParkedWorkflowEvent,
  type RequestContext,
  type SimulationReport,
  type WorkflowEngine,
  type WorkflowRunRow,
  type WorkflowsReadModel,
} from '#application';
import { Ctx, IfMatch } from '../http/request-context.decorator.js';
import { ApiRoutes, IdParam } from '../http/routes.js';
import { WORKFLOW_ENGINE, WORKFLOWS_READ_MODEL } from './workflow-engine.provider.js';
import {
  ActivateWorkflowDto,
  ParkedEventKindDto,
  ParkedEventsQueryDto,
  ParkedWorkflowEventList,
  ParkedWorkflowEventView,
  PauseWorkflowDto,
  SkipParkedEventDto,
  WorkflowScheduleList,
  SavedWorkflowView,
  SimulationDto,
  SimulationReportView,
  WorkflowList,
  WorkflowRunList,
  WorkflowRunsQueryDto,
  WorkflowStatusView,
  WorkflowValidationView,
  WorkflowView,
} from './workflows.dto.js';

// What the document says of a definition; #workflows holds the rules and lists every error with its path.
const DEFINITION_BODY = {
  description:
    'A workflow definition (JSON, or YAML with Content-Type application/yaml), or {"definition": <the definition, or its JSON/YAML text>}',
  schema: {
    type: 'object',
    required: ['name', 'trigger', 'steps'],
    properties: {
      name: { type: 'string', example: 'Demo request handoff' },
      trigger: { type: 'object', additionalProperties: true, example: { event: 'FormSubmitted', where: { formId: 'demo' } } },
      steps: {
        type: 'array',
        items: { type: 'object', additionalProperties: true },
        example: [{ id: 'handoff', action: 'createTask', owner: 'contactOwner', subject: 'Call {{contact.email}} about the demo', dueInBusinessDays: 1 }],
      },
    },
    additionalProperties: true,
  },
} as const;

const INVALID = { description: 'Every error of the definition, each with its JSON Pointer: {error, message, fields, errors}' };

const isWrapped = (body: unknown): body is { definition: unknown } =>
  typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).length === 1 && Object.hasOwn(body, 'definition');

/** The definition a request carries: YAML text, the body itself, or the body's `definition` (an object or text). */
const documentOf = (request: Request, body: unknown): unknown => {
  if (/yaml/.test(request.header('Content-Type') ?? '')) return String(body ?? '');
  return isWrapped(body) ? body.definition : body;
};

@ApiRoutes('workflows', 'v1/workflows')
export class WorkflowsController {
  constructor(
    @Inject(WORKFLOW_ENGINE) private readonly engine: WorkflowEngine,
    @Inject(WORKFLOWS_READ_MODEL) private readonly workflows: WorkflowsReadModel,
  ) {}

  @Post()
  @ApiConsumes('application/json', 'application/yaml')
  @ApiBody(DEFINITION_BODY)
  @ApiOperation({ summary: 'Save a workflow definition as version 1, a draft that acts on nothing until activated' })
  @ApiCreatedResponse({ type: SavedWorkflowView })
  @ApiBadRequestResponse(INVALID)
  async create(@Req() request: Request, @Body() body: unknown, @Ctx() context: RequestContext): Promise<SavedWorkflowView> {
    return this.engine.definitions.create(documentOf(request, body), context);
  }

  @Post('validation')
  @HttpCode(200)
  @ApiConsumes('application/json', 'application/yaml')
  @ApiBody(DEFINITION_BODY)
  @ApiOperation({ summary: 'Validate a definition without saving it: 200 with its hash, or a 400 listing every error' })
  @ApiOkResponse({ type: WorkflowValidationView })
  @ApiBadRequestResponse(INVALID)
  async validate(@Req() request: Request, @Body() body: unknown): Promise<WorkflowValidationView> {
    const { valid, errors, definitionHash } = this.engine.definitions.validate(documentOf(request, body));
    if (!valid || definitionHash === undefined) throw new WorkflowInvalid(errors);
    return { valid, definitionHash };
  }

  @Get()
  @ApiOperation({ summary: 'Every workflow with its current version and status' })
  @ApiOkResponse({ type: WorkflowList })
  async list(): Promise<WorkflowList> {
    return this.workflows.listWorkflows();
  }

  @Get(':id')
  @ApiOperation({ summary: 'One workflow: its current version, status and definition' })
  @ApiOkResponse({ type: WorkflowView })
  @ApiNotFoundResponse({ description: 'No such workflow' })
  async get(@IdParam() id: string): Promise<WorkflowView> {
    return this.engine.definitions.get(id);
  }

  @Put(':id')
  @ApiConsumes('application/json', 'application/yaml')
  @ApiBody(DEFINITION_BODY)
  @ApiOperation({ summary: 'Save a new version of the definition; an active workflow stays active on it. If-Match: the version you edited' })
  @ApiOkResponse({ type: SavedWorkflowView })
  @ApiBadRequestResponse(INVALID)
  @ApiNotFoundResponse({ description: 'No such workflow' })
  @ApiConflictResponse({ description: 'If-Match names a version that is no longer the current one' })
  async update(
    @IdParam() id: string,
    @Req() request: Request,
    @Body() body: unknown,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<SavedWorkflowView> {
    return this.engine.definitions.update(id, documentOf(request, body), context, { ifMatch });
  }

  @Post(':id/activation')
  @HttpCode(200)
  @ApiOperation({ summary: 'Activate the current version; only what happens from now on enrols, unless enrolExisting.asOf is given' })
  @ApiOkResponse({ type: WorkflowStatusView })
  @ApiNotFoundResponse({ description: 'No such workflow' })
  async activate(@IdParam() id: string, @Body() body: ActivateWorkflowDto, @Ctx() context: RequestContext): Promise<WorkflowStatusView> {
    const enrolExisting = body.enrolExisting ? { asOf: new Date(body.enrolExisting.asOf).toISOString() } : undefined;
    return this.engine.definitions.activate(id, { reason: body.reason, ...(enrolExisting ? { enrolExisting } : {}) }, context);
  }

  @Post(':id/pause')
  @HttpCode(200)
  @ApiOperation({ summary: 'Pause: nothing enrols and no step runs until activated again; waiting runs resume then' })
  @ApiOkResponse({ type: WorkflowStatusView })
  @ApiNotFoundResponse({ description: 'No such workflow' })
  async pause(@IdParam() id: string, @Body() body: PauseWorkflowDto, @Ctx() context: RequestContext): Promise<WorkflowStatusView> {
    return this.engine.definitions.pause(id, { reason: body.reason }, context);
  }

  @Get(':id/runs')
  @ApiOperation({
    summary:
      'Every enrolment, newest first: the trigger event and the values that matched, each step taken or skipped with the values that decided it, and the events each action produced',
  })
  @ApiOkResponse({ type: WorkflowRunList })
  @ApiNotFoundResponse({ description: 'No such workflow' })
  async runs(
    @IdParam() id: string,
    @Query() query: WorkflowRunsQueryDto,
  ): Promise<{ position: string | null; data: readonly WorkflowRunRow[]; nextCursor: string | null }> {
    await this.engine.definitions.get(id);
    const page = await this.workflows.runsOf(id, { contactId: query.contactId, recordId: query.recordId, cursor: query.cursor, limit: query.limit ?? 50 });
    return { position: page.position, data: page.data, nextCursor: page.nextCursor ?? null };
  }

  @Post(':id/simulations')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Back-test the current version over a window of history without acting: who would have enrolled, which actions would have fired, how many per day',
  })
  @ApiOkResponse({ type: SimulationReportView })
  @ApiNotFoundResponse({ description: 'No such workflow' })
  async simulate(@IdParam() id: string, @Body() body: SimulationDto): Promise<SimulationReport> {
    const from = new Date(body.from).toISOString();
    const to = new Date(body.to).toISOString();
    if (from >= to) throw validationFailed([{ field: 'to', reason: 'to must be after from' }]);
    return this.engine.simulator.simulate(id, { from, to });
  }

  @Get(':id/parked-events')
  @ApiOperation({
    summary:
      'Events the runner parked for this workflow after its judging kept failing (the others went on): the error, the attempts, and how each was resolved',
  })
  @ApiOkResponse({ type: ParkedWorkflowEventList })
  @ApiNotFoundResponse({ description: 'No such workflow' })
  async parkedEvents(@IdParam() id: string, @Query() query: ParkedEventsQueryDto): Promise<{ data: ParkedWorkflowEvent[] }> {
    await this.engine.definitions.get(id);
    return { data: await this.engine.parked.list({ workflowId: id, status: query.status }) };
  }

  @Post(':id/parked-events/:eventId/retry')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Judge a parked event again now, on the version it was parked under, against the record as it is now; exactly once as always. A failure leaves it parked with the new error',
  })
  @ApiOkResponse({ type: ParkedWorkflowEventView })
  @ApiNotFoundResponse({ description: 'No such workflow, or no such parked event' })
  @ApiUnprocessableEntityResponse({ description: 'The event is not parked any more (retried or skipped)' })
  async retryParked(
    @IdParam() id: string,
    @Param('eventId') eventId: string,
    @Body() body: ParkedEventKindDto,
    @Ctx() context: RequestContext,
  ): Promise<ParkedWorkflowEvent> {
    return this.engine.parked.retry({ workflowId: id, eventId, kind: body.kind ?? 'enrol' }, context.actor);
  }

  @Post(':id/parked-events/:eventId/skip')
  @HttpCode(200)
  @ApiOperation({ summary: 'Give up on a parked event for good, saying why: the workflow never judges it, re-reads of the log included' })
  @ApiOkResponse({ type: ParkedWorkflowEventView })
  @ApiNotFoundResponse({ description: 'No such workflow, or no such parked event' })
  @ApiUnprocessableEntityResponse({ description: 'The event is not parked any more (retried or skipped)' })
  async skipParked(
    @IdParam() id: string,
    @Param('eventId') eventId: string,
    @Body() body: SkipParkedEventDto,
    @Ctx() context: RequestContext,
  ): Promise<ParkedWorkflowEvent> {
    return this.engine.parked.skip({ workflowId: id, eventId, kind: body.kind ?? 'enrol' }, body.reason, context.actor);
  }

  @Get(':id/schedules')
  @ApiOperation({ summary: "What this workflow's schedule trigger will enrol, and when: each record's date and due instant, soonest first" })
  @ApiOkResponse({ type: WorkflowScheduleList })
  @ApiNotFoundResponse({ description: 'No such workflow' })
  async schedules(@IdParam() id: string): Promise<WorkflowScheduleList> {
    await this.engine.definitions.get(id);
    const rows = await this.engine.schedules.list(id);
    return { data: rows.map(({ recordType, recordId, date, dueAt, enrolled }) => ({ recordType, recordId, date, dueAt, enrolled })) };
  }
}
