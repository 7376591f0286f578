// The deals list, the pure part: one row per deal as it stands now (what a person recognises it by, where it stands,
// what it is worth, its custom properties), and the deal pipelines' stages so a page shows stage labels. A company
// merge moves the deals whose primary company was the duplicate onto the survivor.
import type { CompanyMerged } from '#domain/company';
import type { DealEvent, DealOutcome } from '#domain/deal';
import type { Pipeline } from '#domain/pipeline';
import { assertNever, withPropertyChanges, type PropertyValues } from '#domain/shared';
import type { RecordedEvent } from '#event-store';
import { searchKey } from '#read-models';
import { evolvePipelines, isPipelineEvent, PIPELINE_EVENT_TYPES } from '../pipeline-health/pipeline-stages.projection.js';
import { PROPERTY_DEFINITION_EVENT_TYPES } from '../record-lists/list-properties.projection.js';

export const DEAL_LIST_DEAL_EVENT_TYPES = [
  'DealCreated',
  'DealStageChanged',
  'DealWon',
  'DealLost',
  'DealReopened',
  'DealAmountChanged',
  'DealCloseDateChanged',
  'DealOwnerAssigned',
  'DealRenamed',
  'DealContractTermChanged',
  'DealCompanyAssociated',
  'DealPropertiesChanged',
] as const satisfies readonly DealEvent['type'][];

export const DEAL_LIST_EVENT_TYPES: readonly string[] = [
  ...DEAL_LIST_DEAL_EVENT_TYPES,
  ...PIPELINE_EVENT_TYPES,
  ...PROPERTY_DEFINITION_EVENT_TYPES,
  'CompanyMerged',
];

type ListDealEvent = Extract<DealEvent, { type: (typeof DEAL_LIST_DEAL_EVENT_TYPES)[number] }>;

export type DealListRow = Readonly<{
  dealId: string;
  name: string;
  pipelineId: string;
  stageId: string;
  amount: number;
  currency: string;
  /** YYYY-MM-DD, the expected close. */
  closeDate: string;
  ownerId: string | null;
  outcome: DealOutcome;
  contractTermMonths: number;
  /** The primary company. */
  companyId: string | null;
  properties: PropertyValues;
  /** Business time of DealCreated, ISO (UTC, milliseconds). */
  createdAt: string;
}>;

export const isDealListDealEvent = (event: Pick<RecordedEvent, 'type'>): boolean =>
  (DEAL_LIST_DEAL_EVENT_TYPES as readonly string[]).includes(event.type);

export const dealIdOf = (event: RecordedEvent): string => (event.data as { dealId: string }).dealId;

/** The duplicate company of a CompanyMerged, whose deals the batch must load. */
export const mergedCompanyOf = (event: RecordedEvent): string | undefined =>
  event.type === 'CompanyMerged' ? (event.data as CompanyMerged['data']).companyId : undefined;

/**
 * The custom values a person might type to find a record (an advertiser id), by property name: a row loaded back
 * from jsonb lists its keys in jsonb's order, not the event's, and the text must not depend on which it was.
 */
export const searchableValues = (properties: PropertyValues): string[] =>
  Object.keys(properties)
    .sort()
    .flatMap((name) => {
      const value = properties[name];
      return typeof value === 'string' || typeof value === 'number' ? [String(value)] : [];
    });

/** What `q` matches: the name and the searchable property values, folded here (searchKey). */
export const dealSearchText = (deal: Pick<DealListRow, 'name' | 'properties'>): string =>
  searchKey([deal.name, ...searchableValues(deal.properties)].join(' '));

/** The deal after one event; undefined while the deal is unknown (an event before its DealCreated is ignored). */
export const evolveDeal = (deal: DealListRow | undefined, event: ListDealEvent, occurredAt: string): DealListRow | undefined => {
  if (event.type === 'DealCreated') {
    if (deal) return deal;
    const { dealId, name, pipelineId, stageId, amount, currency, closeDate, ownerId, contractTermMonths, companyId, properties } = event.data;
    return {
      dealId, name, pipelineId, stageId, amount, currency, closeDate, ownerId, outcome: 'open', contractTermMonths, companyId,
      properties, createdAt: new Date(occurredAt).toISOString(),
    };
  }
  if (!deal) return deal;
  switch (event.type) {
    case 'DealStageChanged':
      return { ...deal, pipelineId: event.data.pipelineId, stageId: event.data.toStageId };
    case 'DealWon':
      return { ...deal, stageId: event.data.stageId, outcome: 'won' };
    case 'DealLost':
      return { ...deal, stageId: event.data.stageId, outcome: 'lost' };
    case 'DealReopened':
      // The reopen is the stage change: no DealStageChanged accompanies it.
      return { ...deal, stageId: event.data.toStageId, outcome: 'open' };
    case 'DealAmountChanged':
      return { ...deal, amount: event.data.amount, currency: event.data.currency };
    case 'DealCloseDateChanged':
      return { ...deal, closeDate: event.data.closeDate };
    case 'DealOwnerAssigned':
      return { ...deal, ownerId: event.data.ownerId };
    case 'DealRenamed':
      return { ...deal, name: event.data.name };
    case 'DealContractTermChanged':
      return { ...deal, contractTermMonths: event.data.contractTermMonths };
    case 'DealCompanyAssociated':
      return { ...deal, companyId: event.data.companyId };
    case 'DealPropertiesChanged':
      return { ...deal, properties: withPropertyChanges(deal.properties, event.data.changes) };
    default:
      return assertNever(event);
  }
};

export type DealListState = Readonly<{ pipelines: ReadonlyMap<string, Pipeline>; deals: ReadonlyMap<string, DealListRow> }>;

export type DealListChanges = Readonly<{ changedPipelines: readonly Pipeline[]; changedDeals: readonly DealListRow[] }>;

/**
 * Applies a batch in order to the pipelines and deals it touches (the deals of a merged company among them);
 * answers the ones it changed, each once, in first-touched order. Property definitions are kept apart.
 */
export const reduceDealList = (state: DealListState, events: readonly RecordedEvent[]): DealListChanges => {
  const pipelines = new Map(state.pipelines);
  const deals = new Map(state.deals);
  const changedPipelineIds = new Set<string>();
  const changedDealIds = new Set<string>();
  const put = (after: DealListRow | undefined, before: DealListRow | undefined) => {
    if (after === undefined || after === before) return;
    deals.set(after.dealId, after);
    changedDealIds.add(after.dealId);
  };
  for (const event of events) {
    if (isPipelineEvent(event)) {
      const changed = evolvePipelines(pipelines, event);
      if (changed) changedPipelineIds.add(changed.pipelineId);
    } else if (isDealListDealEvent(event)) {
      const before = deals.get(dealIdOf(event));
      put(evolveDeal(before, { type: event.type, data: event.data } as ListDealEvent, event.metadata.occurredAt), before);
    } else if (event.type === 'CompanyMerged') {
      const { companyId, mergedInto } = event.data as CompanyMerged['data'];
      for (const deal of [...deals.values()].filter((d) => d.companyId === companyId)) put({ ...deal, companyId: mergedInto }, deal);
    }
  }
  return {
    changedPipelines: [...changedPipelineIds].map((id) => pipelines.get(id)!),
    changedDeals: [...changedDealIds].map((id) => deals.get(id)!),
  };
};
