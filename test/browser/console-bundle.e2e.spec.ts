// The console's first load stays small: every JavaScript file index.html loads at first (its module scripts, the
// chunks they preload and the chunks they import statically, transitively) gzipped, under 250 KB in all. Pages
// loaded later by a dynamic import() do not count.
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { consoleDirectory } from '#api/console/console-static';
import { requireBuiltConsole } from './console-support.js';

const LIMIT = 250 * 1024;

/** The JavaScript a first visit loads: /assets/... paths, from index.html through static imports. */
export const firstLoadScripts = (directory: string): string[] => {
  const html = readFileSync(join(directory, 'index.html'), 'utf8');
  const fromHtml = [
    ...[...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]),
    ...[...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)].map((m) => m[1]),
  ];
  const seen = new Set<string>();
  const pending = [...fromHtml];
  while (pending.length) {
    const path = pending.pop()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const code = readFileSync(join(directory, path), 'utf8');
    // Static imports and re-exports (`import{a}from"./x.js"`, `import"./y.js"`, `export*from"./z.js"`), not import().
    for (const m of code.matchAll(/\b(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g)) {
      pending.push(posix.join(posix.dirname(path), m[1]));
    }
  }
  return [...seen].sort();
};

describe('the console bundle', () => {
  beforeAll(() => requireBuiltConsole());

  it('loads under 250 KB of gzipped JavaScript at first', () => {
    const directory = consoleDirectory();
    const scripts = firstLoadScripts(directory);
    expect(scripts.length).toBeGreaterThan(0);
    const sizes = scripts.map((path) => ({ path, gzipped: gzipSync(readFileSync(join(directory, path)), { level: 9 }).length }));
    const total = sizes.reduce((sum, s) => sum + s.gzipped, 0);
    const report = sizes.map((s) => `${s.path}: ${(s.gzipped / 1024).toFixed(1)} KB`).join('\n');
    if (total >= LIMIT) throw new Error(`the console's first load is ${(total / 1024).toFixed(1)} KB of gzipped JavaScript (limit ${LIMIT / 1024} KB):\n${report}`);
    expect(total).toBeLessThan(LIMIT);
  });
});
