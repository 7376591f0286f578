// The shipped client is generated, never edited: this fails when a route or DTO changed the OpenAPI document and
// nobody ran `npm run client:generate`, or when someone edited a generated file by hand.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { generateClientFiles, repositoryRoot } from '#scripts/client-files';

/** The first line where two texts part, for a message that points at the change instead of printing 300 KB. */
const firstDifference = (committed: string, generated: string): string => {
  const committedLines = committed.split('\n');
  const generatedLines = generated.split('\n');
  const line = committedLines.findIndex((text, index) => text !== generatedLines[index]);
  const at = line === -1 ? committedLines.length : line;
  return `line ${at + 1}: committed ${JSON.stringify(committedLines[at])}, generated ${JSON.stringify(generatedLines[at])}`;
};

// The document comes from an in-memory database whatever DATABASE_URL says: the pass on a server would only repeat it.
const describeOnce = process.env.DATABASE_URL ? describe.skip : describe;

describeOnce('the typed client in libs/client', () => {
  // Composing the whole app and deriving 200 KB of types: about 15 s of CPU, several times that on a busy machine.
  it('is exactly what npm run client:generate writes from the current routes', async () => {
    const stale: string[] = [];
    for (const file of await generateClientFiles()) {
      const committed = await readFile(path.join(repositoryRoot, file.path), 'utf8').catch(() => '');
      if (committed !== file.text) stale.push(`${file.path} (${firstDifference(committed, file.text)})`);
    }
    expect({ stale, fix: 'npm run client:generate' }).toEqual({ stale: [], fix: 'npm run client:generate' });
  }, 240_000);
});
