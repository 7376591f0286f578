import { Controller, Get, Inject, Logger, Param, Query, Req, Res, type OnModuleDestroy } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApplicationError, invalidHeader } from '#application';
import { DomainError } from '#domain/shared';
import { InvalidPosition, parsePosition, type EventFilter, type EventStore, type Position } from '#event-store';
import type { TallyRequest } from '../http/request-context.decorator.js';
import { EVENT_STORE } from '../tokens.js';
import { EventStream } from './event-stream.js';
import { LogTail } from './log-tail.js';
import { streamSettingsFrom, type StreamSettings } from './stream-settings.js';
import { SSE_RESPONSE, STREAM_CATEGORIES, StreamQueryDto } from './streams.dto.js';

const filterOf = (category: string | undefined, query: StreamQueryDto): EventFilter => ({
  ...(category ? { streamCategories: [category] } : {}),
  ...(query.types ? { eventTypes: query.types.split(',') } : {}),
  ...(query.typePrefix ? { eventTypePrefixes: query.typePrefix.split(',') } : {}),
});

// EventSource sends the id of the last message it got when it reconnects; it wins over the original `from`.
const startPosition = (request: Request, query: StreamQueryDto): Position | undefined => {
  const lastEventId = request.header('Last-Event-ID');
  if (lastEventId !== undefined && lastEventId !== '') {
    try {
      return parsePosition(lastEventId);
    } catch (error) {
      if (!(error instanceof InvalidPosition)) throw error;
      throw invalidHeader('Last-Event-ID', 'Last-Event-ID must be the id of an event this stream sent (a position)');
    }
  }
  return query.from === undefined ? undefined : parsePosition(query.from);
};

@ApiTags('streams')
@ApiProduces('text/event-stream')
@ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume after this position (sent by EventSource on reconnect)' })
@Controller('v1/streams')
export class StreamsController implements OnModuleDestroy {
  private readonly logger = new Logger('streams');
  private readonly settings: StreamSettings = streamSettingsFrom(process.env);
  private readonly open = new Set<EventStream>();
  /** Open streams per caller (API key, or address without auth). */
  private readonly perCaller = new Map<string, number>();
  private readonly tail: LogTail;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    this.tail = new LogTail(store, (error) => this.logError(error));
  }

  get openStreams(): number {
    return this.open.size;
  }

  @Get('all')
  @ApiOperation({ summary: 'Every event of the log as Server-Sent Events: catch-up from a position, then live' })
  @ApiOkResponse(SSE_RESPONSE)
  all(@Req() request: Request, @Res() response: Response, @Query() query: StreamQueryDto): Promise<void> {
    return this.stream(request, response, query, undefined);
  }

  @Get(':category')
  @ApiOperation({ summary: "One category's events (the streams named <category>-<id>) as Server-Sent Events" })
  @ApiParam({ name: 'category', enum: STREAM_CATEGORIES })
  @ApiOkResponse(SSE_RESPONSE)
  category(
    @Param('category') category: string,
    @Req() request: Request,
    @Res() response: Response,
    @Query() query: StreamQueryDto,
  ): Promise<void> {
    if (!(STREAM_CATEGORIES as readonly string[]).includes(category)) {
      throw new DomainError('NOT_FOUND', `no stream category ${category}; one of ${STREAM_CATEGORIES.join(', ')}`);
    }
    return this.stream(request, response, query, category);
  }

  async onModuleDestroy(): Promise<void> {
    for (const stream of this.open) stream.close('the server is shutting down; reconnect with Last-Event-ID');
    await this.tail.close();
  }

  private async stream(request: TallyRequest, response: Response, query: StreamQueryDto, category: string | undefined): Promise<void> {
    const from = startPosition(request, query);
    const caller = request.tallyActor && request.tallyActor !== 'anonymous' ? request.tallyActor : `ip:${request.ip}`;
    const opened = this.perCaller.get(caller) ?? 0;
    const limit = this.settings.maxConnectionsPerKey;
    if (opened >= limit) {
      throw new ApplicationError(
        'TOO_MANY_STREAMS',
        `this API key already has ${opened} open event streams, the most allowed (TALLY_SSE_MAX_CONNECTIONS_PER_KEY=${limit}); close one first`,
        { limit },
      );
    }
    this.perCaller.set(caller, opened + 1);
    const stream = new EventStream(response, { store: this.store, tail: this.tail, filter: filterOf(category, query), from }, this.settings, (error) =>
      this.logError(error),
    );
    this.open.add(stream);
    try {
      await stream.run();
    } finally {
      this.open.delete(stream);
      const left = (this.perCaller.get(caller) ?? 1) - 1;
      if (left > 0) this.perCaller.set(caller, left);
      else this.perCaller.delete(caller);
    }
  }

  private logError(error: unknown): void {
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
}
