// Module hooks for specs that run Tally's entry points (api, CLI) as child processes straight from the sources:
// TypeScript's own transpiler, so Nest gets the decorator metadata that tsx (esbuild) does not emit. The same
// per-file transpilation as ts-jest; output is cached by content hash so the second start is quick.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const compilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  esModuleInterop: true,
  isolatedModules: true,
  sourceMap: false,
  inlineSourceMap: true,
};
const cacheDir = path.join(os.tmpdir(), `tally-ts-hooks-${ts.version}`);

export async function resolve(specifier, context, nextResolve) {
  // Sources import each other as `./x.js`; the file on disk is `./x.ts`.
  if (specifier.endsWith('.js') && context.parentURL?.endsWith('.ts') && /^\.{1,2}\//.test(specifier)) {
    const candidate = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
    if (existsSync(fileURLToPath(candidate))) return { url: candidate.href, shortCircuit: true };
  }
  // Imports by name (#domain/contact) resolve to the sources, as under tsc and jest (package.json "imports").
  if (specifier.startsWith('#')) return nextResolve(specifier, { ...context, conditions: [...context.conditions, 'tally-source'] });
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
  const file = fileURLToPath(url);
  const source = await readFile(file, 'utf8');
  const cached = path.join(cacheDir, `${createHash('sha256').update(file).update('\0').update(source).digest('hex')}.js`);
  const hit = await readFile(cached, 'utf8').catch(() => null);
  if (hit !== null) return { format: 'module', source: hit, shortCircuit: true };
  const output = ts.transpileModule(source, { compilerOptions, fileName: file }).outputText;
  await mkdir(cacheDir, { recursive: true });
  await writeFile(`${cached}.${process.pid}`, output);
  const { rename } = await import('node:fs/promises');
  await rename(`${cached}.${process.pid}`, cached);
  return { format: 'module', source: output, shortCircuit: true };
}
