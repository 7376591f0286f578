import { createInterface } from 'node:readline';
import { Controller, HttpCode, Inject, Post, Req, UnsupportedMediaTypeException } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { ImportReport, RequestContext } from '../../../../libs/application/src/index.js';
import type { Runtime } from '../../../../libs/runtime/src/index.js';
import { Ctx } from '../http/request-context.decorator.js';
import { RUNTIME } from '../tokens.js';
import { CommandImportService } from './command-import.service.js';

@ApiTags('import')
@Controller('v1/import')
export class ImportController {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    @Inject(CommandImportService) private readonly importer: CommandImportService,
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
  })
  @ApiOkResponse({ description: '{lines, accepted, duplicates, rejected, rejections: [{line, reason, eventId?}]}' })
  async import(@Req() request: Request, @Ctx() context: RequestContext): Promise<ImportReport> {
    if (!/^application\/(x-)?ndjson\b/.test(request.header('Content-Type') ?? '')) {
      throw new UnsupportedMediaTypeException({
        error: 'UNSUPPORTED_MEDIA_TYPE',
        message: 'send the history as Content-Type: application/x-ndjson, one event or command per line',
      });
    }
    // Read line by line from the socket: memory stays flat whatever the file's size.
    const lines = createInterface({ input: request, crlfDelay: Infinity });
    return this.importer.importLines(lines, context, () => this.runtime.projections.poke());
  }
}
