// Every TypeORM entity of the read side, one line each (they map the stable views, never a build's tables).
import type { EntityList } from './data-source.js';

export const READ_MODEL_ENTITIES: EntityList = [
  // one line per entity
];
