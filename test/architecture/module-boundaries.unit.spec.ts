// The module boundaries ARCHITECTURE.md draws, checked on every import in the tree: a module is used by its name
// (package.json "imports"), through its public entry, and the arrows run one way (apps -> projections -> libs).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SOURCE_ROOTS = ['apps', 'libs', 'projections', 'test', 'bench', 'scripts'];
// Specs that quote import forms as their test data.
const QUOTING_SPECS = new Set(['apps/cli/src/no-api-imports.unit.spec.ts', 'test/architecture/module-boundaries.unit.spec.ts']);

const sourceFiles = (dir: string): string[] =>
  readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(relative);
    return /\.(ts|mts)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [relative] : [];
  });

type Import = Readonly<{ file: string; specifier: string }>;
const IMPORT = /(?:from\s+|import\s*\(\s*|import\s+)(['"])([^'"]+)\1/g;
const imports: Import[] = SOURCE_ROOTS.flatMap(sourceFiles).filter((file) => !QUOTING_SPECS.has(file)).flatMap((file) =>
  [...readFileSync(path.join(root, file), 'utf8').matchAll(IMPORT)].map((match) => ({ file, specifier: match[2] })),
);

/** The module a file belongs to: a lib, the projections, an app, a test folder or the benchmarks. */
const moduleOf = (file: string): string => file.split(path.sep).slice(0, /^(projections|bench|scripts)\//.test(file) ? 1 : 2).join('/');
const resolved = (imported: Import): string => path.normalize(path.join(path.dirname(imported.file), imported.specifier));
const relative = imports.filter((imported) => imported.specifier.startsWith('.'));
const named = (prefix: string) => imports.filter((imported) => imported.specifier === prefix || imported.specifier.startsWith(`${prefix}/`));
const show = (found: readonly Import[]): string[] => found.map((imported) => `${imported.file}: ${imported.specifier}`);

describe('module boundaries', () => {
  it('reads every import of the tree', () => {
    expect(imports.length).toBeGreaterThan(1000);
    expect(named('#domain').length).toBeGreaterThan(50);
  });

  it('never climbs three folders: another module is imported by its name', () => {
    expect(show(relative.filter((imported) => imported.specifier.includes('../../../')))).toEqual([]);
  });

  it('imports another module only by its name, never by a relative path into it', () => {
    expect(show(relative.filter((imported) => moduleOf(imported.file) !== moduleOf(resolved(imported))))).toEqual([]);
  });

  it('keeps libs below projections and apps: no lib imports a projection or an app', () => {
    const upward = [...named('#projections'), ...named('#api'), ...named('#cli')].filter((imported) => imported.file.startsWith('libs'));
    expect(show(upward)).toEqual([]);
  });

  it('keeps the apps out of the tests and benchmarks', () => {
    const intoTests = named('#test').filter((imported) => !/(^test\/|\.spec\.ts$|\.spec-helper\.ts$)/.test(imported.file));
    expect(show(intoTests)).toEqual([]);
  });
});
