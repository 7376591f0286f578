import { Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { formatPosition, type EventStore } from '#event-store';
import { EVENT_STORE } from '../tokens.js';
import { HealthView } from './system.dto.js';
import { ApiRoutes } from '../http/routes.js';

@ApiRoutes('system', 'v1')
export class SystemController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get('health')
  @ApiOperation({ summary: 'Liveness, and the head of the event log' })
  @ApiOkResponse({ type: HealthView })
  async health(): Promise<{ status: 'ok'; headPosition: string | null }> {
    const head = await this.store.headPosition();
    return { status: 'ok', headPosition: head ? formatPosition(head) : null };
  }
}
