import type { Provider } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { leadScoreReadModel } from '#projections/lead-score';
import type { Runtime } from '#runtime';
import { READ_MODELS, RUNTIME } from '../tokens.js';

/** The lead-score read model the application's lead-score use cases take (their LeadScoreReadModel port). */
export const LEAD_SCORE_READ_MODEL = Symbol('LEAD_SCORE_READ_MODEL');

export const leadScoreReadModelProvider: Provider = {
  provide: LEAD_SCORE_READ_MODEL,
  inject: [READ_MODELS, RUNTIME],
  // Scores through the read-model connection; one build's own tables (verify, replay reports) through the pool.
  useFactory: (readModels: DataSource, runtime: Runtime) => leadScoreReadModel(readModels, runtime.db.pool),
};
