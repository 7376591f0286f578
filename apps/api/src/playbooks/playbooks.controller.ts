// /v1/playbooks: question sets for calls and meetings, written by the team they belong to; and their runs, recorded
// on an engagement (POST /v1/engagements/:id/playbook-runs, in the engagements area: whoever logs calls runs them).
import { Body, Controller, Delete, Get, Inject, Logger, Patch, Post, Query, Req } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { listPlaybooks, MAX_PLAYBOOKS_LISTED, PLAYBOOKS, type PlaybookListItem } from '#projections/playbooks';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ROLES, type Role } from '#auth';
import { ApplicationError, CommandExecutor, ContactService, PlaybookService, type PlaybookRequest, type RequestContext } from '#application';
import type { AuthMode } from '../auth/auth.guard.js';
import { Ctx, IfMatch, type TallyRequest } from '../http/request-context.decorator.js';
import { ApiRoutes, CommandRoute, CreateRoute, IdParam } from '../http/routes.js';
import { ReadModelAnswer } from '../read-models/read-model-answer.js';
import { ReadModelGate } from '../read-models/read-model-gate.js';
import { AUTH_MODE, READ_MODELS } from '../tokens.js';
import { toResponse, type CommandResponse } from '../write/command-response.js';
import { CreatePlaybookDto, PlaybookDto, PlaybookListItemDto, PlaybookListQueryDto, PlaybookRunResponse, RevisePlaybookDto, RunPlaybookDto } from './playbooks.dto.js';

const playbookService = (executor: CommandExecutor): PlaybookService => {
  const logger = new Logger('unique-values');
  return new PlaybookService(executor, new ContactService(executor, (message) => logger.warn(message)));
};

const TEAM_RULE = 'The key writes only its own team\'s playbooks (super-admin writes all): {error: PLAYBOOK_TEAM_FORBIDDEN, role, team}';

@ApiRoutes('playbooks', 'v1/playbooks')
export class PlaybooksController {
  private readonly playbooks: PlaybookService;

  constructor(
    @Inject(CommandExecutor) executor: CommandExecutor,
    @Inject(AUTH_MODE) private readonly authMode: AuthMode,
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    @Inject(ReadModelGate) private readonly gate: ReadModelGate,
  ) {
    this.playbooks = playbookService(executor);
  }

  /** The key's role, set by the AuthGuard; with authentication off (local development) every caller writes all. */
  private roleOf(request: TallyRequest): Role {
    if (this.authMode === 'disabled') return 'super-admin';
    const role = ROLES.find((r) => r === request.tallyRole);
    if (!role) throw new ApplicationError('FORBIDDEN', 'the request carries no role');
    return role;
  }

  private async run(request: PlaybookRequest, http: TallyRequest, context: RequestContext, ifMatch?: number): Promise<CommandResponse> {
    return toResponse(request.data.playbookId, await this.playbooks.handle(request, this.roleOf(http), context, { ifMatch }));
  }

  @CreateRoute('Write a playbook for a team: questions (text, choice, number), each optionally mapped to a contact property')
  @ApiBadRequestResponse({ description: 'A field at fault, named in fields, such as questions[0].options or questions[1].mapsTo' })
  @ApiForbiddenResponse({ description: TEAM_RULE })
  create(@Body() body: CreatePlaybookDto, @Req() http: TallyRequest, @Ctx() context: RequestContext): Promise<CommandResponse> {
    return this.run({ type: 'CreatePlaybook', data: { playbookId: context.ids.next('playbook'), ...body }, metadata: { now: context.now } }, http, context);
  }

  @Get()
  @ApiOperation({ summary: "Playbooks by name, a team's only when asked, the archived ones with archived=true; at most 500" })
  @ReadModelAnswer({ row: PlaybookListItemDto, many: true, keys: { questions: ['id'] } })
  async list(@Query() { team, archived, minPosition }: PlaybookListQueryDto): Promise<{ position: string | null; data: PlaybookListItem[] }> {
    const position = await this.gate.positionFor(PLAYBOOKS, minPosition);
    return { position, data: await listPlaybooks(this.readModels, { team, archived: archived === 'true', limit: MAX_PLAYBOOKS_LISTED }) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'A playbook as its stream stands now: its current version' })
  @ApiOkResponse({ type: PlaybookDto })
  @ApiNotFoundResponse()
  async get(@IdParam() playbookId: string): Promise<PlaybookDto> {
    const playbook = await this.playbooks.get(playbookId);
    return { ...playbook, questions: playbook.questions.map((question) => ({ ...question, options: [...question.options] })) };
  }

  @CommandRoute(Patch(':id'), "Revise a playbook's name or questions: a new version (runs name the version they followed)")
  @ApiBadRequestResponse({ description: 'A field at fault, named in fields' })
  @ApiForbiddenResponse({ description: TEAM_RULE })
  @ApiConflictResponse({ description: 'If-Match names a revision the playbook has moved past' })
  @ApiNotFoundResponse()
  @ApiUnprocessableEntityResponse({ description: 'The playbook is archived' })
  revise(
    @IdParam() playbookId: string,
    @Body() changes: RevisePlaybookDto,
    @Req() http: TallyRequest,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    return this.run({ type: 'RevisePlaybook', data: { playbookId, ...changes }, metadata: { now: context.now } }, http, context, ifMatch);
  }

  @CommandRoute(Delete(':id'), 'Archive a playbook: it can no longer be run; past runs stay on their engagements')
  @ApiForbiddenResponse({ description: TEAM_RULE })
  @ApiNotFoundResponse()
  archive(@IdParam() playbookId: string, @Req() http: TallyRequest, @Ctx() context: RequestContext, @IfMatch() ifMatch: number | undefined): Promise<CommandResponse> {
    return this.run({ type: 'ArchivePlaybook', data: { playbookId }, metadata: { now: context.now } }, http, context, ifMatch);
  }
}

@ApiTags('playbooks')
@Controller('v1/engagements')
export class PlaybookRunsController {
  private readonly playbooks: PlaybookService;

  constructor(@Inject(CommandExecutor) executor: CommandExecutor) {
    this.playbooks = playbookService(executor);
  }

  @Post(':id/playbook-runs')
  @ApiOperation({
    summary: 'Record a playbook run on a call or meeting: the answers as structured data; mapped answers update the contact',
    description:
      "The run is a PlaybookRunRecorded event on the engagement's stream; each answer whose question maps to a contact property " +
      "sets it through the contact's ordinary ContactPropertiesChanged, whose causation id is the run's event. Resend with the " +
      'same Idempotency-Key after a failure: neither is written twice.',
  })
  @ApiCreatedResponse({ type: PlaybookRunResponse })
  @ApiBadRequestResponse({ description: 'An answer at fault (answers.<questionId>), an unknown playbookId, a contactId not on the engagement' })
  @ApiNotFoundResponse({ description: 'No such engagement' })
  @ApiUnprocessableEntityResponse({ description: 'The engagement is not a call or meeting, or the playbook is archived' })
  async record(@IdParam() engagementId: string, @Body() body: RunPlaybookDto, @Ctx() context: RequestContext): Promise<PlaybookRunResponse> {
    const result = await this.playbooks.run({ engagementId, ...body }, context);
    const last = result.contact ?? result.engagement;
    return {
      id: result.runId,
      engagementId,
      runEventId: result.runEventId,
      contactId: result.contactId,
      revision: result.engagement.revision,
      position: last.position ?? result.engagement.position,
      events: [...result.engagement.events, ...(result.contact?.events ?? [])].map((event) => event.type),
    };
  }
}
