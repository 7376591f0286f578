import { Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { eventCatalog } from '#domain/catalog';
import type { JsonSchema } from '#domain/shared';
import { EventCatalogView } from './event-catalog.dto.js';
import { ApiRoutes } from '../http/routes.js';

export type CatalogEntry = Readonly<{ type: string; schemaVersion: number; description: string; schema: JsonSchema }>;

@ApiRoutes('events', 'v1/events')
export class EventCatalogController {
  @Get('catalog')
  @ApiOperation({ summary: 'Every event type Tally stores: its current schema version and the JSON Schema of its data' })
  @ApiOkResponse({ type: EventCatalogView })
  catalog(): { data: CatalogEntry[] } {
    return {
      data: eventCatalog.list().map(({ type, schemaVersion, description, schema }) => ({ type, schemaVersion, description, schema })),
    };
  }
}
