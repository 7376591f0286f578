export * from './projection.js';
export * from './projection-engine.js';
export * from './batches.js';
export { ProjectionNotFound } from './build-registry.js';
export type { SkippedEvent } from './build-runner.js';
export {
  activePositionSql,
  buildPositionSql,
  ProjectionBuilds,
  type BuildState,
  type ParkedEvent,
  type StoredBuild,
} from './projection-builds.js';
