// The CLI calls the use cases in libs (and reaches the api only over HTTP): no source under apps/cli imports
// apps/api, statically, dynamically or for its side effects.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const thisFile = fileURLToPath(import.meta.url);
const cliRoot = path.resolve(path.dirname(thisFile), '..');
const apiRoot = path.resolve(cliRoot, '../api');

// `from '...'`, `import '...'`, `import('...')`, `require('...')` and `export ... from '...'`.
const SPECIFIERS = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)(['"`])([^'"`]+)\1/g;

const sourcesUnder = async (dir: string): Promise<string[]> => {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && /\.(ts|mts|js|mjs)$/.test(e.name)).map((e) => path.join(e.parentPath, e.name));
};

/** The specifiers of `source` that lead into apps/api, relative ones resolved from `file`'s folder. */
const apiImportsOf = (file: string, source: string): string[] =>
  [...source.matchAll(SPECIFIERS)]
    .map((match) => match[2])
    .filter((specifier) => {
      if (specifier.startsWith('#api')) return true;
      if (!specifier.startsWith('.')) return false;
      const target = path.resolve(path.dirname(file), specifier);
      return target === apiRoot || target.startsWith(apiRoot + path.sep);
    });

describe('apps/cli', () => {
  it('imports nothing from apps/api', async () => {
    // This file quotes the forms it looks for.
    const files = (await sourcesUnder(cliRoot)).filter((file) => file !== thisFile);
    expect(files.length).toBeGreaterThan(5);
    const found: string[] = [];
    for (const file of files) {
      for (const specifier of apiImportsOf(file, await readFile(file, 'utf8'))) found.push(`${path.relative(cliRoot, file)}: ${specifier}`);
    }
    expect(found).toEqual([]);
  });

  it('sees every form of import that could reach the api', () => {
    const file = path.join(cliRoot, 'src/commands/x.ts');
    const forms = [
      "import { AppModule } from '../../../api/src/app.module.js';",
      "import type { X } from '../../../api/src/x.js';",
      "export { y } from '../../../api/src/y.js';",
      "import '../../../api/src/side-effect.js';",
      "await import('../../../api/src/main.js');",
      "await import(`../../../api/src/main.js`);",
      "const m = require('../../../api/src/main.js');",
      "import { z } from '#api/z';",
    ];
    for (const form of forms) expect([form, apiImportsOf(file, form).length]).toEqual([form, 1]);
    expect(apiImportsOf(file, "import { openRuntime } from '../../../../libs/runtime/src/index.js';")).toEqual([]);
  });
});
