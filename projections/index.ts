// Every projection Tally runs. Each folder holds a pure reducer and the persistence that applies it.
import type { ProjectionDefinition } from '../libs/projection-engine/src/index.js';

export const ALL_PROJECTIONS: readonly ProjectionDefinition[] = [
  // one line per projection, kept sorted
];
