import { HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiUnsupportedMediaTypeResponse } from '@nestjs/swagger';
import { ApplicationError, type ImportReport, type RequestContext } from '#application';
import { ROLES, type Role } from '#auth';
import type { Runtime } from '#runtime';
import type { AuthMode } from '../auth/auth.guard.js';
import { Ctx, type TallyRequest } from '../http/request-context.decorator.js';
import { ApiRoutes } from '../http/routes.js';
import { utf8Lines } from '../http/utf8-lines.js';
import { AUTH_MODE, RUNTIME } from '../tokens.js';
import { CommandImportService } from './command-import.service.js';
import { ImportReportView } from './import.dto.js';

@ApiRoutes('import', 'v1/import')
export class ImportController {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    @Inject(CommandImportService) private readonly importer: CommandImportService,
    @Inject(AUTH_MODE) private readonly authMode: AuthMode,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiConsumes('application/x-ndjson')
  @ApiBody({
    description:
      'One event or command per line: {"streamName": "contact-<id>", "event": {"id", "type", "data", "metadata": {"occurredAt"}}} ' +
      'or {"command": "CreateContact", "id": "<uuid>", "occurredAt"?: "<ISO>", "data": {...the route\'s body, plus the record id}}',
  })
  @ApiOperation({
    summary: 'Import history, streamed; idempotent by event id or command line id; reports accepted, duplicate and rejected lines',
    description:
      "A command line needs the permission of its HTTP route (a line the key's role may not run is rejected with 403 as its " +
      'reason); raw event lines need history:write (super-admin) and must be events the aggregate could have produced next.',
  })
  @ApiOkResponse({ type: ImportReportView })
  @ApiUnsupportedMediaTypeResponse({ description: 'The body is not application/x-ndjson in UTF-8' })
  async import(@Req() request: TallyRequest, @Ctx() context: RequestContext): Promise<ImportReport> {
    const contentType = request.header('Content-Type') ?? '';
    if (!/^application\/(x-)?ndjson\b/.test(contentType)) {
      throw new ApplicationError('UNSUPPORTED_MEDIA_TYPE', 'send the history as Content-Type: application/x-ndjson, one event or command per line');
    }
    const charset = /;\s*charset="?([^";\s]+)/i.exec(contentType)?.[1].toLowerCase() ?? 'utf-8';
    if (charset !== 'utf-8' && charset !== 'utf8') {
      throw new ApplicationError('UNSUPPORTED_MEDIA_TYPE', `send the history as UTF-8, not ${charset}`);
    }
    // Read line by line from the socket: memory stays flat whatever the file's size. A line that is no UTF-8 is
    // rejected with its reason (the others are imported), never decoded to U+FFFD.
    const lines = utf8Lines(request);
    return this.importer.importLines(lines, context, this.roleOf(request), () => this.runtime.projections.poke());
  }

  /** The key's role, set by the AuthGuard; with authentication off (local development) every caller may do all. */
  private roleOf(request: TallyRequest): Role {
    if (this.authMode === 'disabled') return 'super-admin';
    const role = ROLES.find((r) => r === request.tallyRole);
    if (!role) throw new ApplicationError('FORBIDDEN', 'the request carries no role');
    return role;
  }
}
