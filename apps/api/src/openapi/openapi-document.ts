import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { withErrorResponses } from './error-responses.js';

const OPENAPI_SECURITY_SCHEME = 'apiKey';

/** The OpenAPI document the server publishes at /docs/openapi.json: every route, its answers and its errors. */
export const createOpenApiDocument = (app: INestApplication): OpenAPIObject =>
  withErrorResponses(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Tally')
        .setDescription('An event-sourced CRM: commands append events; read models answer queries.')
        .setVersion('1')
        .setLicense('MIT', 'https://opensource.org/licenses/MIT')
        // Relative: the document is served by the api it describes, whatever its address.
        .addServer('/', 'This server')
        .addBearerAuth(
          {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'tly_<id>_<secret>',
            description: 'An API key (tally keys create, or POST /v1/keys), sent as Authorization: Bearer tly_<id>_<secret>',
          },
          OPENAPI_SECURITY_SCHEME,
        )
        .addSecurityRequirements(OPENAPI_SECURITY_SCHEME)
        .build(),
    ),
  );
