// Every projection Tally runs. Each folder is one read model's slice (tables, pure reducer, persistence, queries;
// readers use its index.ts); the engine needs only the definitions, so the projector never loads the query side.
import type { ProjectionDefinition } from '#projection-engine';
import { contactTimelineProjection } from './contact-timeline/contact-timeline.persistence.js';
import { leadScoreProjection } from './lead-score/lead-score.persistence.js';
import { marketingContactsProjection } from './marketing-contacts/marketing-contacts.persistence.js';
import { pipelineHealthProjection } from './pipeline-health/pipeline-health.persistence.js';
import { repActivityProjection } from './rep-activity/rep-activity.persistence.js';
import { stageDurationProjection } from './stage-duration/stage-duration.persistence.js';
import { ticketsProjection } from './tickets/tickets.persistence.js';

export const ALL_PROJECTIONS: readonly ProjectionDefinition[] = [
  // one line per projection, kept sorted
  contactTimelineProjection,
  leadScoreProjection,
  marketingContactsProjection,
  pipelineHealthProjection,
  repActivityProjection,
  stageDurationProjection,
  ticketsProjection,
];
