// What `npm run client:generate` writes and the drift spec compares: the OpenAPI document the api publishes and the
// TypeScript types openapi-typescript derives from it.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenAPIObject } from '@nestjs/swagger';
import openapiTS, { astToString } from 'openapi-typescript';
import { createApp } from '#api/app';
import { createOpenApiDocument } from '#api/openapi/openapi-document';
import { loadConfig } from '#config';
import { openDatabase } from '#postgres';
import { openRuntime } from '#runtime';
import { ALL_PROJECTIONS } from '#projections';

export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export type GeneratedFile = Readonly<{ path: string; text: string }>;

/**
 * The document exactly as the api serves it at /docs/openapi.json: Nest reads it from the composed app, so the app
 * is built (over a throwaway in-memory database, with the default configuration) but never listens.
 */
export const buildOpenApiDocument = async (): Promise<OpenAPIObject> => {
  const database = await openDatabase({ kind: 'embedded', dataDir: null });
  const runtime = await openRuntime(loadConfig({}), ALL_PROJECTIONS, { database, authPepper: randomBytes(32) });
  try {
    const app = await createApp(runtime, { logger: false });
    const document = createOpenApiDocument(app);
    await app.close();
    return document;
  } finally {
    await runtime.close();
  }
};

/** The client's generated files, relative to the repository root; everything else in libs/client is written by hand. */
export const generateClientFiles = async (): Promise<readonly GeneratedFile[]> => {
  const openApiJson = `${JSON.stringify(await buildOpenApiDocument(), null, 2)}\n`;
  // From the text that is committed, so the types are exactly those of libs/client/openapi.json.
  const schema = astToString(await openapiTS(openApiJson));
  return [
    { path: 'libs/client/openapi.json', text: openApiJson },
    { path: 'libs/client/src/schema.ts', text: `// Generated from libs/client/openapi.json by npm run client:generate; do not edit.\n${schema}` },
  ];
};
