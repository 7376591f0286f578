// The AsyncAPI 3.0 description of what integrators receive: the SSE channels and the webhook deliveries, with one
// message per event type whose `data` is the event catalog's JSON Schema for that type.
import type { EventDefinition, JsonSchema } from '#domain/shared';
import { SIGNATURE_HEADER } from '#webhooks';
import { STREAM_CATEGORIES } from '../streams/streams.dto.js';

export type AsyncApiDocument = Readonly<Record<string, unknown>>;

const ref = (path: string) => ({ $ref: path });

const position = { type: 'string', pattern: '^(-1|\\d+)(:\\d+)?$', description: 'A global log position; hand it back as from= or Last-Event-ID' };

const metadataSchema: JsonSchema = {
  type: 'object',
  required: ['occurredAt', 'recordedAt', 'actor', 'correlationId', 'causationId', 'schemaVersion', 'source'],
  properties: {
    occurredAt: { type: 'string', format: 'date-time', description: 'Business time (may be in the past for imported history)' },
    recordedAt: { type: 'string', format: 'date-time', description: 'When the store accepted the event' },
    actor: { type: 'string' },
    correlationId: { type: 'string' },
    causationId: { type: ['string', 'null'] },
    schemaVersion: { type: 'integer', minimum: 1 },
    source: { type: 'string' },
  },
};

const envelopeSchema: JsonSchema = {
  type: 'object',
  required: ['id', 'type', 'stream', 'revision', 'position', 'occurredAt', 'data', 'metadata'],
  properties: {
    id: { type: 'string', format: 'uuid', description: 'The event id: the same on every redelivery, so receivers drop duplicates by it' },
    type: { type: 'string' },
    stream: { type: 'string', description: '<category>-<id>, for example deal-3f1c…' },
    revision: { type: 'integer', minimum: 0, description: "The event's 0-based revision in its stream" },
    position,
    occurredAt: { type: 'string', format: 'date-time' },
    data: { description: "The event's data, in the shape of its type's current schema version" },
    metadata: ref('#/components/schemas/EventMetadata'),
  },
};

// What the api's auth guard accepts on every route, the event streams included: the API key as a bearer token.
// Webhook receivers get no key; they check Tally-Signature instead.
const apiKeyScheme = {
  type: 'http',
  scheme: 'bearer',
  bearerFormat: 'tly_<id>_<secret>',
  description:
    'An API key (tally keys create, or POST /v1/keys) as Authorization: Bearer tly_<id>_<secret>, of a role that may ' +
    'read events (integrator, auditor, marketing, super-admin)',
};

// The catalog's schemas name their dialect; inside AsyncAPI the document's schema format applies.
const withoutDialect = ({ $schema: _dialect, ...schema }: JsonSchema): JsonSchema => schema;

export const buildAsyncApiDocument = (
  definitions: readonly EventDefinition[],
  server: Readonly<{ host: string; protocol: 'http' | 'https' }>,
): AsyncApiDocument => {
  const eventMessages = Object.fromEntries(
    definitions.map((definition) => [
      definition.type,
      {
        name: definition.type,
        title: definition.type,
        summary: definition.description,
        contentType: 'application/json',
        'x-schema-version': definition.schemaVersion,
        payload: {
          allOf: [
            ref('#/components/schemas/EventEnvelope'),
            {
              type: 'object',
              properties: { type: { const: definition.type }, data: ref(`#/components/schemas/${definition.type}`) },
            },
          ],
        },
      },
    ]),
  );
  const channelMessages = Object.fromEntries(definitions.map(({ type }) => [type, ref(`#/components/messages/${type}`)]));
  const sse =
    'Server-Sent Events: each message is `id: <position>`, `event: <type>`, `data: <envelope JSON>`. Catch-up from `from=` ' +
    '(or the Last-Event-ID header, which wins) then live, in log order; filter with `types=` and `typePrefix=` ' +
    '(comma lists). Comment lines (`: heartbeat`) keep idle connections open; a client that stops reading is cut ' +
    'with a `: closing: <reason>` comment and reconnects with Last-Event-ID.';

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Tally event streams',
      version: '1',
      description:
        "Tally's event log, live: Server-Sent Events over HTTP and signed webhook deliveries. Every event type's data " +
        'schema is also served by GET /v1/events/catalog.',
    },
    defaultContentType: 'application/json',
    servers: {
      tally: {
        host: server.host,
        protocol: server.protocol,
        description: 'The Tally api (Server-Sent Events)',
        security: [ref('#/components/securitySchemes/apiKey')],
      },
      webhookReceiver: {
        host: '{receiver}',
        protocol: 'https',
        description: "Your receiver, at the url of a webhook subscription (POST /v1/webhooks); http is accepted too",
        variables: { receiver: { description: 'Host (and port) of the subscription url' } },
      },
    },
    channels: {
      allEvents: {
        address: '/v1/streams/all',
        title: 'Every event',
        description: sse,
        servers: [ref('#/servers/tally')],
        messages: channelMessages,
      },
      categoryEvents: {
        address: '/v1/streams/{category}',
        title: "One category's events",
        description: `The events of the streams named <category>-<id>. ${sse}`,
        servers: [ref('#/servers/tally')],
        parameters: { category: { enum: [...STREAM_CATEGORIES], description: 'The stream category' } },
        messages: channelMessages,
      },
      webhook: {
        address: null,
        title: 'Webhook deliveries',
        description:
          'POSTed to the url of each webhook subscription: batches (by default up to 100 events) in log order, signed. ' +
          'Answer 2xx within the timeout (10 s by default); anything else is retried with exponential back-off and full ' +
          'jitter, and after the last attempt (8 by default) the subscription pauses with the batch\'s first event parked. ' +
          'Delivery is at least once: drop duplicates by event id.',
        servers: [ref('#/servers/webhookReceiver')],
        messages: { WebhookDelivery: ref('#/components/messages/WebhookDelivery') },
      },
    },
    operations: {
      streamAllEvents: {
        action: 'receive',
        channel: ref('#/channels/allEvents'),
        summary: 'GET /v1/streams/all with Accept: text/event-stream',
      },
      streamCategoryEvents: {
        action: 'receive',
        channel: ref('#/channels/categoryEvents'),
        summary: 'GET /v1/streams/{category} with Accept: text/event-stream',
      },
      receiveWebhookDelivery: {
        action: 'receive',
        channel: ref('#/channels/webhook'),
        summary: 'Verify the signature, drop events already seen by id, answer 2xx',
      },
    },
    components: {
      securitySchemes: { apiKey: apiKeyScheme },
      schemas: {
        EventMetadata: metadataSchema,
        EventEnvelope: envelopeSchema,
        WebhookDeliveryBody: {
          type: 'object',
          required: ['subscriptionId', 'events'],
          properties: {
            subscriptionId: { type: 'string', format: 'uuid' },
            events: { type: 'array', minItems: 1, items: ref('#/components/schemas/EventEnvelope') },
          },
        },
        ...Object.fromEntries(definitions.map((definition) => [definition.type, withoutDialect(definition.schema)])),
      },
      messages: {
        ...eventMessages,
        WebhookDelivery: {
          name: 'WebhookDelivery',
          title: 'A batch of events',
          contentType: 'application/json',
          headers: {
            type: 'object',
            required: [SIGNATURE_HEADER, 'Tally-Subscription-Id'],
            properties: {
              [SIGNATURE_HEADER]: {
                type: 'string',
                pattern: '^t=\\d+,v1=[0-9a-f]{64}$',
                description:
                  'HMAC-SHA256 with the subscription secret over `${t}.${body}`, hex; compare in constant time and ' +
                  'reject t older than 5 minutes',
              },
              'Tally-Subscription-Id': { type: 'string', format: 'uuid' },
              'Tally-Delivery-Attempt': { type: 'string', pattern: '^\\d+$' },
            },
          },
          payload: ref('#/components/schemas/WebhookDeliveryBody'),
        },
      },
    },
  };
};
