import { createInterface } from 'node:readline';
import { Controller, HttpCode, Inject, Post, Req, UnsupportedMediaTypeException } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { importNdjson, type ImportReport, type RequestContext } from '../../../../libs/application/src/index.js';
import { eventCatalog } from '../../../../libs/domain/src/catalog/event-catalog.js';
import { EventValidator } from '../../../../libs/domain/src/catalog/event-validator.js';
import type { Runtime } from '../../../../libs/runtime/src/index.js';
import { Ctx } from '../http/request-context.decorator.js';
import { RUNTIME } from '../tokens.js';

const validator = new EventValidator(eventCatalog);

@ApiTags('import')
@Controller('v1/import')
export class ImportController {
  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  @Post()
  @HttpCode(200)
  @ApiConsumes('application/x-ndjson')
  @ApiBody({
    description: 'One event per line: {"streamName": "contact-<id>", "event": {"id", "type", "data", "metadata": {"occurredAt"}}}',
  })
  @ApiOperation({ summary: 'Import history, streamed; idempotent by event id; reports accepted, duplicate and rejected lines' })
  @ApiOkResponse({ description: '{lines, accepted, duplicates, rejected, rejections: [{line, reason, eventId?}]}' })
  async import(@Req() request: Request, @Ctx() context: RequestContext): Promise<ImportReport> {
    if (!/^application\/(x-)?ndjson\b/.test(request.header('Content-Type') ?? '')) {
      throw new UnsupportedMediaTypeException({
        error: 'UNSUPPORTED_MEDIA_TYPE',
        message: 'send the history as Content-Type: application/x-ndjson, one event per line',
      });
    }
    // Read line by line from the socket: memory stays flat whatever the file's size.
    const lines = createInterface({ input: request, crlfDelay: Infinity });
    const report = await importNdjson(lines, {
      store: this.runtime.eventStore,
      catalog: eventCatalog,
      validator,
      context: { ...context, source: 'import' },
      onProgress: () => this.runtime.projections.poke(),
    });
    return report;
  }
}
