// Every TypeORM entity of the read side, one line each (they map the stable views, never a build's tables).
import type { EntityList } from './data-source.js';
import { PIPELINE_HEALTH_ENTITIES } from './pipeline-health/pipeline-health.entity.js';
import { STAGE_DURATION_ENTITIES } from './stage-duration/stage-duration.entity.js';
import { MARKETING_CONTACTS_ENTITIES } from './marketing-contacts/marketing-contacts.entity.js';
import { REP_ACTIVITY_ENTITIES } from './rep-activity/rep-activity.entity.js';
import { TICKETS_ENTITIES } from './tickets/tickets.entity.js';
import { LEAD_SCORE_ENTITIES } from './lead-score/lead-score.entity.js';
import { CONTACT_TIMELINE_ENTITIES } from './contact-timeline/contact-timeline.entity.js';

export const READ_MODEL_ENTITIES: EntityList = [
  // one line per entity
  ...PIPELINE_HEALTH_ENTITIES,
  ...STAGE_DURATION_ENTITIES,
  ...MARKETING_CONTACTS_ENTITIES,
  ...REP_ACTIVITY_ENTITIES,
  ...TICKETS_ENTITIES,
  ...LEAD_SCORE_ENTITIES,
  ...CONTACT_TIMELINE_ENTITIES,
];
