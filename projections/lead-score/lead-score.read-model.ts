// The lead-score read model as the application's lead-score use cases ask for it (their LeadScoreReadModel port).
import type { LeadScoreReadModel } from '#application';
import type { ReadSource } from '#read-models';
import { compareLeadScoreBuilds, storedLeadScoresAt } from './lead-score-builds.queries.js';
import { formulaOf } from './lead-score.persistence.js';
import { explainLeadScore, findLeadScore, leadScoreContributions, listLeadScores, qualificationChanges } from './lead-score.queries.js';
import { LEAD_SCORE_PROJECTION } from './lead-score.tables.js';

/**
 * `views` serves the active build's stable views (the api's read-model connection); `builds` reads one build's own
 * tables, whose names change with the version, so a plain pool fits it. The CLI passes its pool for both.
 */
export const leadScoreReadModel = (views: ReadSource, builds: ReadSource = views): LeadScoreReadModel => ({
  name: LEAD_SCORE_PROJECTION,
  formulaOf,
  list: (query) => listLeadScores(views, query),
  find: (contactId) => findLeadScore(views, contactId),
  contributions: (contactId) => leadScoreContributions(views, contactId),
  explain: (contactId) => explainLeadScore(views, contactId),
  storedAt: (version, contactId) => storedLeadScoresAt(builds, version, contactId),
  compareBuilds: (before, after) => compareLeadScoreBuilds(builds, before, after),
  qualificationChanges: (afterPosition, upToPosition, limit) => qualificationChanges(views, afterPosition, upToPosition, limit),
});
