// npm run client:generate: writes libs/client/openapi.json and libs/client/src/schema.ts from the api's routes.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateClientFiles, repositoryRoot } from './client-files.js';

for (const file of await generateClientFiles()) {
  await writeFile(path.join(repositoryRoot, file.path), file.text);
  console.log(`wrote ${file.path}`);
}
