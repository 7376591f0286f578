import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Get, Inject, Logger, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';
import type { Response } from 'express';
import { ContactExportService, type RequestContext } from '#application';
import { Ctx } from '../http/request-context.decorator.js';
import { ApiRoutes, IdParam } from '../http/routes.js';
import { ContactExportDocument } from './contact-export.dto.js';

@ApiRoutes('privacy', 'v1/contacts')
export class PrivacyController {
  private readonly logger = new Logger('privacy');

  constructor(@Inject(ContactExportService) private readonly exports: ContactExportService) {}

  @Get(':id/export')
  @ApiOperation({
    summary: 'Everything Tally holds about a person (GDPR access and portability), as one JSON document',
    description:
      'Streamed as it is read (chunked, no size cap): events one at a time, read models page by page. An erased contact answers its redacted document with erased: true. A failure after the first byte cuts the connection, so a truncated document never parses.',
  })
  @ApiProduces('application/json')
  @ApiOkResponse({
    type: ContactExportDocument,
    description: 'An attachment, tally-contact-<id>.json',
    headers: { 'Content-Disposition': { description: 'attachment; filename="tally-contact-<id>.json"', schema: { type: 'string' } } },
  })
  async export(@IdParam() contactId: string, @Ctx() context: RequestContext, @Res() response: Response): Promise<void> {
    // Not found (and any other refusal) is thrown here, before the first byte: the error filter still answers it.
    const exported = await this.exports.export({ contactId, actor: context.actor, now: context.now });
    response.status(200);
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="${exported.fileName}"`);
    response.setHeader('Cache-Control', 'no-store');
    // On a failure the pipeline destroys the response: with the headers gone, a cut connection is the only way left to
    // say the document is incomplete. Either way it ends the generators, which release their reads.
    await pipeline(Readable.from(exported.chunks), response).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') return this.logger.warn(`export of contact ${contactId}: the client left midway`);
      this.logger.error(`export of contact ${contactId} failed midway: ${error instanceof Error ? error.message : String(error)}`);
    });
  }
}
