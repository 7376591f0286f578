// Native ESM (NestJS 12 ships ESM only): ts-jest transpiles each file on its own; `npm run typecheck` checks types.
const tsJest = ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }];
const common = {
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': tsJest },
  testEnvironment: 'node',
  // Imports by name (package.json "imports") resolve to the TypeScript sources.
  testEnvironmentOptions: { customExportConditions: ['node', 'node-addons', 'tally-source'] },
  setupFiles: ['<rootDir>/test/support/fast-check-seed.ts'],
};
const server = Boolean(process.env.DATABASE_URL);
// The unit specs never open a database (pure code: no DATABASE_URL, no test database), so the server pass would only
// repeat the PGlite pass's run of them: 120 files, a quarter to half a second of CPU each.
// Kept when the command line asks for them (`--selectProjects unit`, a unit spec's path).
const unitOnServer = process.argv.slice(2).some((arg) => arg === 'unit' || arg.endsWith('=unit') || arg.includes('.unit.'));
export default {
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // Two workers on two cores: specs spend much of their time waiting on I/O and projections. On a PostgreSQL
  // server too: a reader waits only on transactions open in its own database (migration 0005), so two spec files,
  // each in a database of its own, no longer hold each other's reads back.
  maxWorkers: 2,
  // A worker whose heap passed this after a spec file is replaced by a fresh one: every spec file leaves its module
  // graph behind (native ESM under jest), some 40 MB, and a worker's spec files ran slower as its heap grew (16 api
  // spec files in one worker: 139-152 s at 1,536 MB, 124-131 s at 400 MB).
  workerIdleMemoryLimit: '512MB',
  // Starting an in-memory PGlite takes a second or two on a busy 2-core machine; hooks get the same budget as tests.
  testTimeout: 60000,
  projects: [
    ...(server && !unitOnServer
      ? []
      : [{ ...common, displayName: 'unit', testMatch: ['<rootDir>/**/*.unit.spec.ts'], testPathIgnorePatterns: ['/node_modules/', '/dist/'] }]),
    { ...common, displayName: 'int', testMatch: ['<rootDir>/**/*.int.spec.ts'], testPathIgnorePatterns: ['/node_modules/', '/dist/'] },
    // The page specs drive a browser over the api; what they check does not depend on the database, so they run on
    // PGlite only (the server pass would spend minutes on them again).
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/**/*.e2e.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/dist/', ...(process.env.DATABASE_URL ? ['/test/browser/'] : [])],
    },
  ],
};
