import { Get, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { Request } from 'express';
import { eventCatalog } from '#domain/catalog';
import { buildAsyncApiDocument, type AsyncApiDocument } from './asyncapi-document.js';
import { AsyncApiDocumentView } from './asyncapi.dto.js';
import { ApiRoutes } from '../http/routes.js';

@ApiRoutes('events', 'v1')
export class AsyncApiController {
  @Get('asyncapi.json')
  @ApiOperation({ summary: 'AsyncAPI 3.0: the SSE channels and the webhook deliveries, with every event type\'s schema' })
  @ApiOkResponse({ description: 'An AsyncAPI 3.0 document', type: AsyncApiDocumentView })
  document(@Req() request: Request): AsyncApiDocument {
    // The server entry names the host the caller reached, so the document works behind any address.
    return buildAsyncApiDocument(eventCatalog.list(), {
      host: request.get('host') ?? 'localhost:3000',
      protocol: request.protocol === 'https' ? 'https' : 'http',
    });
  }
}
