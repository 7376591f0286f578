import { applyDecorators, Body, Delete, Get, HttpCode, Inject, Post, Query, type OnModuleInit } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { validationFailed, type RequestContext } from '#application';
import { notFound } from '#domain/shared';
import { parsePosition } from '#event-store';
import type { Runtime } from '#runtime';
import {
  generateSecret,
  isAllowedTarget,
  WebhookSubscriptions,
  type CreatedWebhookSubscription,
  type DeliveryRecord,
  type WebhookSubscription,
} from '#webhooks';
import { Ctx } from '../http/request-context.decorator.js';
import { ApiRoutes, IdParam } from '../http/routes.js';
import { RUNTIME } from '../tokens.js';
import { CreatedWebhookView, CreateWebhookDto, DeliveriesQueryDto, DeliveryView, ReplayWebhookDto, WebhookView } from './webhooks.dto.js';

/** A POST that changes a subscription and answers it as it now stands. */
const SubscriptionChange = (path: string, summary: string) =>
  applyDecorators(Post(path), HttpCode(200), ApiOperation({ summary }), ApiOkResponse({ type: WebhookView }));

const found = (id: string, subscription: WebhookSubscription | null): WebhookSubscription => {
  if (!subscription) throw notFound('webhook', id);
  return subscription;
};

@ApiRoutes('webhooks', 'v1/webhooks')
export class WebhooksController implements OnModuleInit {
  private readonly subscriptions: WebhookSubscriptions;

  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {
    this.subscriptions = new WebhookSubscriptions(runtime.db.pool);
  }

  async onModuleInit(): Promise<void> {
    await WebhookSubscriptions.migrate(this.runtime.db.pool);
  }

  @Post()
  @ApiOperation({ summary: 'Subscribe a URL to event types; deliveries start with the events appended from now on' })
  @ApiCreatedResponse({ type: CreatedWebhookView })
  async create(@Body() body: CreateWebhookDto, @Ctx() context: RequestContext): Promise<CreatedWebhookSubscription> {
    if (!isAllowedTarget(body.url, this.runtime.config.outboundPrivateNetwork)) {
      throw validationFailed([
        { field: 'url', reason: 'is a private, loopback or reserved address; webhooks go to public addresses (TALLY_OUTBOUND_PRIVATE_NETWORK=allow lets them through)' },
      ]);
    }
    return this.subscriptions.create({
      id: context.ids.next('webhook'),
      url: body.url,
      eventTypes: [...new Set(body.eventTypes)],
      secret: body.secret ?? generateSecret(),
      position: await this.runtime.eventStore.headPosition(),
    });
  }

  @Get()
  @ApiOperation({ summary: 'Every webhook subscription with its position and status (never its secret)' })
  @ApiOkResponse({ type: [WebhookView] })
  async list(): Promise<{ data: WebhookSubscription[] }> {
    return { data: await this.subscriptions.list() };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One webhook subscription: position, status, and the parked event when paused by failures' })
  @ApiOkResponse({ type: WebhookView })
  async get(@IdParam() id: string): Promise<WebhookSubscription> {
    return found(id, await this.subscriptions.get(id));
  }

  @SubscriptionChange(':id/pause', 'Stop delivering; the position is kept')
  async pause(@IdParam() id: string): Promise<WebhookSubscription> {
    return found(id, await this.subscriptions.pause(id));
  }

  @SubscriptionChange(':id/resume', 'Deliver again from the position (from the parked event, when paused by failures)')
  async resume(@IdParam() id: string): Promise<WebhookSubscription> {
    return found(id, await this.subscriptions.resume(id));
  }

  @SubscriptionChange(':id/replay', 'Deliver again every matching event after a position (receivers drop duplicates by event id)')
  async replay(@IdParam() id: string, @Body() body: ReplayWebhookDto): Promise<WebhookSubscription> {
    return found(id, await this.subscriptions.replay(id, parsePosition(body.from)));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete the subscription and its delivery log' })
  @ApiNoContentResponse()
  async remove(@IdParam() id: string): Promise<void> {
    if (!(await this.subscriptions.remove(id))) throw notFound('webhook', id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'The delivery log, newest first: status, attempt, latency, response code, error' })
  @ApiOkResponse({ type: [DeliveryView] })
  async deliveries(
    @IdParam() id: string,
    @Query() query: DeliveriesQueryDto,
  ): Promise<{ data: DeliveryRecord[] }> {
    found(id, await this.subscriptions.get(id));
    return { data: await this.subscriptions.deliveries(id, query.limit ?? 50) };
  }
}
