// A read model's storage as its tables file declares it, once: the projection's name, its base tables and their DDL.
import type { ProjectionDefinition } from '../libs/projection-engine/src/index.js';

export type ProjectionSchema = Pick<ProjectionDefinition, 'name' | 'tables' | 'createTables'>;
