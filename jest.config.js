// Native ESM (NestJS 12 ships ESM only): ts-jest transpiles each file on its own; `npm run typecheck` checks types.
const tsJest = ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }];
const common = {
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': tsJest },
  testEnvironment: 'node',
  // Imports by name (package.json "imports") resolve to the TypeScript sources.
  testEnvironmentOptions: { customExportConditions: ['node', 'node-addons', 'tally-source'] },
};
export default {
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // Two workers on two cores: specs spend much of their time waiting on I/O and projections. On a PostgreSQL
  // server one: readers see events below the oldest open transaction of the whole server, so two spec files
  // would slow each other's reads down to a timing lottery.
  maxWorkers: process.env.DATABASE_URL ? 1 : 2,
  // Starting an in-memory PGlite takes a second or two on a busy 2-core machine; hooks get the same budget as tests.
  testTimeout: 60000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/**/*.unit.spec.ts'], testPathIgnorePatterns: ['/node_modules/', '/dist/'] },
    { ...common, displayName: 'int', testMatch: ['<rootDir>/**/*.int.spec.ts'], testPathIgnorePatterns: ['/node_modules/', '/dist/'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/**/*.e2e.spec.ts'], testPathIgnorePatterns: ['/node_modules/', '/dist/'] },
  ],
};
