// Every projection Tally runs. Each folder is one read model's slice (tables, pure reducer, persistence, queries;
// readers use its index.ts); the engine needs only the definitions, so the projector never loads the query side.
import type { ProjectionDefinition } from '#projection-engine';
import { associationsProjection } from './associations/associations.persistence.js';
import { companyListProjection } from './company-list/company-list.persistence.js';
import { contactListProjection } from './contact-list/contact-list.persistence.js';
import { contactTimelineProjection } from './contact-timeline/contact-timeline.persistence.js';
import { dealHistoryProjection } from './deal-history/deal-history.persistence.js';
import { dealListProjection } from './deal-list/deal-list.persistence.js';
import { engagementListProjection } from './engagement-list/engagement-list.persistence.js';
import { exchangeRatesProjection } from './exchange-rates/exchange-rates.persistence.js';
import { funnelProjection } from './funnel/funnel.persistence.js';
import { goalsProjection } from './goals/goals.persistence.js';
import { formsProjection } from './forms/forms.persistence.js';
import { leadScoreProjection } from './lead-score/lead-score.persistence.js';
import { marketingContactsProjection } from './marketing-contacts/marketing-contacts.persistence.js';
import { mrrProjection } from './mrr/mrr.persistence.js';
import { ownerListProjection } from './owner-list/owner-list.persistence.js';
import { pipelineHealthProjection } from './pipeline-health/pipeline-health.persistence.js';
import { playbooksProjection } from './playbooks/playbooks.persistence.js';
import { recordTimelineProjection } from './record-timeline/record-timeline.persistence.js';
import { repActivityProjection } from './rep-activity/rep-activity.persistence.js';
import { searchProjection } from './search/search.persistence.js';
import { snippetsProjection } from './snippets/snippets.persistence.js';
import { stageDurationProjection } from './stage-duration/stage-duration.persistence.js';
import { ticketListProjection } from './ticket-list/ticket-list.persistence.js';
import { ticketsProjection } from './tickets/tickets.persistence.js';
import { workflowsProjection } from './workflows/workflows.persistence.js';
import { surveyResultsProjection } from './survey-results/survey-results.persistence.js';

export const ALL_PROJECTIONS: readonly ProjectionDefinition[] = [
  // one line per projection, kept sorted
  associationsProjection,
  companyListProjection,
  contactListProjection,
  contactTimelineProjection,
  dealHistoryProjection,
  dealListProjection,
  engagementListProjection,
  exchangeRatesProjection,
  funnelProjection,
  goalsProjection,
  formsProjection,
  leadScoreProjection,
  marketingContactsProjection,
  mrrProjection,
  ownerListProjection,
  pipelineHealthProjection,
  playbooksProjection,
  recordTimelineProjection,
  repActivityProjection,
  searchProjection,
  snippetsProjection,
  stageDurationProjection,
  surveyResultsProjection,
  ticketListProjection,
  ticketsProjection,
  workflowsProjection,
];
