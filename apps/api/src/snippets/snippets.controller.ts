// /v1/snippets: write snippets under a unique #shortcut, look one up by it, render one for a record (a read).
import { Body, Delete, Get, HttpCode, Inject, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CommandExecutor, SnippetService, type RequestContext, type SnippetRequest } from '#application';
import type { DataSource } from 'typeorm';
import { normalizeShortcut } from '#domain/snippet';
import { listSnippets, MAX_SNIPPETS_LISTED, SNIPPETS } from '#projections/snippets';
import { Ctx, IfMatch } from '../http/request-context.decorator.js';
import { ReadModelAnswer } from '../read-models/read-model-answer.js';
import { ReadModelGate } from '../read-models/read-model-gate.js';
import { READ_MODELS } from '../tokens.js';
import { ApiRoutes, CommandRoute, CreateRoute, IdParam } from '../http/routes.js';
import { toResponse, type CommandResponse } from '../write/command-response.js';
import { CreateSnippetDto, RenderedSnippetDto, RenderSnippetDto, SnippetDto, SnippetListItemDto, SnippetLookupDto, UpdateSnippetDto } from './snippets.dto.js';

@ApiRoutes('snippets', 'v1/snippets')
export class SnippetsController {
  private readonly snippets: SnippetService;

  constructor(
    @Inject(CommandExecutor) executor: CommandExecutor,
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    @Inject(ReadModelGate) private readonly gate: ReadModelGate,
  ) {
    this.snippets = new SnippetService(executor);
  }

  private async run(request: SnippetRequest, context: RequestContext, ifMatch?: number): Promise<CommandResponse> {
    return toResponse(request.data.snippetId, await this.snippets.handle(request, context, { ifMatch }));
  }

  @CreateRoute('Write a snippet: a plain-text template with {{variables}}, called by its unique #shortcut')
  @ApiBadRequestResponse({ description: 'A field at fault, named in fields: a shortcut outside its rule, an unknown {{variable}} (named), a brace left open' })
  @ApiConflictResponse({ description: 'Another snippet holds the shortcut: {error: ALREADY_EXISTS, existingId, field: shortcut}' })
  create(@Body() body: CreateSnippetDto, @Ctx() context: RequestContext): Promise<CommandResponse> {
    return this.run({ type: 'CreateSnippet', data: { snippetId: context.ids.next('snippet'), ...body }, metadata: { now: context.now } }, context);
  }

  @Get()
  @ApiOperation({
    summary: 'The snippet called by #shortcut, or the snippets by shortcut (those starting with prefix), at most 500',
    description: 'With shortcut: data holds the one snippet holding it (read from its claim, so a write is seen at once), or none. Without: the read model, by shortcut.',
  })
  @ReadModelAnswer({ row: SnippetListItemDto, many: true })
  async list(@Query() { shortcut, prefix, minPosition }: SnippetLookupDto): Promise<{ position: string | null; data: SnippetListItemDto[] }> {
    if (shortcut !== undefined) {
      const found = await this.snippets.byShortcut(shortcut);
      return { position: null, data: found === null ? [] : [{ snippetId: found.snippetId, shortcut: found.shortcut, name: found.name, body: found.body, variables: [...found.variables] }] };
    }
    const position = await this.gate.positionFor(SNIPPETS, minPosition);
    return { position, data: await listSnippets(this.readModels, { prefix: prefix === undefined ? undefined : normalizeShortcut(prefix), limit: MAX_SNIPPETS_LISTED }) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'A snippet as its stream stands now' })
  @ApiOkResponse({ type: SnippetDto })
  @ApiNotFoundResponse({ description: 'No such snippet, or it was deleted' })
  async get(@IdParam() snippetId: string): Promise<SnippetDto> {
    const snippet = await this.snippets.get(snippetId);
    return { ...snippet, variables: [...snippet.variables] };
  }

  @Post(':id/render')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Render a snippet for a contact, company, deal or ticket (a read: nothing is written)',
    description:
      'Each value is inserted as plain text, as the record holds it: nothing is escaped or interpreted, so a client that ' +
      'puts the text into HTML escapes it there. A variable with no value is never blanked: its {{placeholder}} stays in ' +
      '`text` and it is listed in `missing`.',
  })
  @ApiOkResponse({ type: RenderedSnippetDto })
  @ApiBadRequestResponse({ description: 'A record named that does not exist, named in fields (contactId, companyId, dealId, ticketId)' })
  @ApiNotFoundResponse({ description: 'No such snippet, or it was deleted' })
  async render(@IdParam() snippetId: string, @Body() targets: RenderSnippetDto): Promise<RenderedSnippetDto> {
    const rendered = await this.snippets.render(snippetId, targets);
    return { ...rendered, missing: [...rendered.missing], values: { ...rendered.values } };
  }

  @CommandRoute(Patch(':id'), "Change a snippet's shortcut, name or body")
  @ApiBadRequestResponse({ description: 'A field at fault, named in fields' })
  @ApiConflictResponse({ description: 'Another snippet holds the new shortcut, or If-Match names a revision the snippet has moved past' })
  @ApiNotFoundResponse({ description: 'No such snippet, or it was deleted' })
  update(@IdParam() snippetId: string, @Body() changes: UpdateSnippetDto, @Ctx() context: RequestContext, @IfMatch() ifMatch: number | undefined): Promise<CommandResponse> {
    return this.run({ type: 'UpdateSnippet', data: { snippetId, ...changes }, metadata: { now: context.now } }, context, ifMatch);
  }

  @CommandRoute(Delete(':id'), 'Delete a snippet: its shortcut is free again; its events stay in the log')
  @ApiConflictResponse({ description: 'If-Match names a revision the snippet has moved past' })
  @ApiNotFoundResponse({ description: 'No such snippet, or it was deleted already' })
  remove(@IdParam() snippetId: string, @Ctx() context: RequestContext, @IfMatch() ifMatch: number | undefined): Promise<CommandResponse> {
    return this.run({ type: 'DeleteSnippet', data: { snippetId }, metadata: { now: context.now } }, context, ifMatch);
  }
}
