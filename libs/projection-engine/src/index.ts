import type { ProjectionNotFound } from './build-registry.js';
import type { ProjectionStateError } from './projection-engine.js';
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

/** The engine's errors callers see; a new one joins this union, and the api's statusOf needs a status for it. */
export type ProjectionEngineErrorCode = ProjectionNotFound['code'] | ProjectionStateError['code'];
