// The deals list, the pure part: one row per deal as it stands now (what a person recognises it by, where it stands,
// what it is worth and, when recurring, its MRR; when it closed; its custom properties), and the deal pipelines'
// stages so a page shows stage labels. A company merge moves the deals whose primary company was the duplicate onto
// the survivor. Amounts stay decimal strings; MRR is the one rounding step (money.ts scaleAmount). Each row carries
// its deal stream's revision, taken from every event of the stream (those the row does not show too, an association
// among them), so a page can send If-Match without asking the write side per deal.
import type { CompanyMerged } from '#domain/company';
import { dealMrr, type BillingPeriod, type DealEvent, type DealOutcome, type RevenueType } from '#domain/deal';
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
  'DealRevenueTypeChanged',
  'DealCompanyAssociated',
  'DealPropertiesChanged',
] as const satisfies readonly DealEvent['type'][];

// Every type a deal stream holds, the ones the row does not show among them: each moves the stream's revision. A
// record, so a new deal event cannot be left out (the compiler names it).
const DEAL_STREAM_TYPES: Readonly<Record<DealEvent['type'], true>> = {
  DealCreated: true,
  DealStageChanged: true,
  DealWon: true,
  DealLost: true,
  DealReopened: true,
  DealAmountChanged: true,
  DealCloseDateChanged: true,
  DealOwnerAssigned: true,
  DealRenamed: true,
  DealContractTermChanged: true,
  DealRevenueTypeChanged: true,
  DealContactAssociated: true,
  DealContactDissociated: true,
  DealCompanyAssociated: true,
  DealPropertiesChanged: true,
};

export const DEAL_STREAM_EVENT_TYPES = Object.keys(DEAL_STREAM_TYPES) as readonly DealEvent['type'][];

export const DEAL_LIST_EVENT_TYPES: readonly string[] = [
  ...DEAL_STREAM_EVENT_TYPES,
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
  /** Decimal string in the currency's digits (a recurring deal's value over its whole term). */
  amount: string;
  currency: string;
  /** YYYY-MM-DD, the expected close. */
  closeDate: string;
  ownerId: string | null;
  outcome: DealOutcome;
  contractTermMonths: number;
  revenueType: RevenueType;
  billingPeriod: BillingPeriod | null;
  renewsDealId: string | null;
  /** amount / contractTermMonths for a recurring deal, rounded half-even to the currency's digits; null for one-off. */
  mrr: string | null;
  /** Business time of the latest DealWon or DealLost (ISO, UTC); null while open or after a reopen. */
  closedAt: string | null;
  /** The primary company. */
  companyId: string | null;
  properties: PropertyValues;
  /** Business time of DealCreated, ISO (UTC, milliseconds). */
  createdAt: string;
  /** The revision of the last event in the deal's stream (what If-Match names). */
  revision: number;
}>;

export const isDealListDealEvent = (event: Pick<RecordedEvent, 'type'>): boolean =>
  (DEAL_LIST_DEAL_EVENT_TYPES as readonly string[]).includes(event.type);

/** An event of a deal's own stream (of any type a deal stream holds): it moves that deal's revision. */
export const isDealStreamEvent = (event: Pick<RecordedEvent, 'type'>): boolean => (DEAL_STREAM_EVENT_TYPES as readonly string[]).includes(event.type);

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

type Terms = Pick<DealListRow, 'amount' | 'currency' | 'revenueType' | 'contractTermMonths'>;

// What MRR depends on changed: derived again, so it can never disagree with the terms stored beside it.
const withTerms = (deal: DealListRow, terms: Partial<Terms> & Partial<Pick<DealListRow, 'billingPeriod'>>): DealListRow => {
  const next = { ...deal, ...terms };
  return { ...next, mrr: dealMrr(next) };
};

/**
 * The deal after one event; undefined while the deal is unknown (an event before its DealCreated is ignored). The
 * revision is the caller's to set: it comes with the recorded event, not with the event's data.
 */
export const evolveDeal = (deal: DealListRow | undefined, event: ListDealEvent, occurredAt: string): DealListRow | undefined => {
  if (event.type === 'DealCreated') {
    if (deal) return deal;
    const { dealId, name, pipelineId, stageId, amount, currency, closeDate, ownerId, contractTermMonths, companyId, properties } = event.data;
    const { revenueType, billingPeriod, renewsDealId } = event.data;
    const created: DealListRow = {
      dealId, name, pipelineId, stageId, amount, currency, closeDate, ownerId, outcome: 'open', contractTermMonths, revenueType, billingPeriod,
      renewsDealId, mrr: null, closedAt: null, companyId, properties, createdAt: new Date(occurredAt).toISOString(), revision: 0,
    };
    return withTerms(created, {});
  }
  if (!deal) return deal;
  switch (event.type) {
    case 'DealStageChanged':
      return { ...deal, pipelineId: event.data.pipelineId, stageId: event.data.toStageId };
    case 'DealWon':
      return { ...deal, stageId: event.data.stageId, outcome: 'won', closedAt: new Date(occurredAt).toISOString() };
    case 'DealLost':
      return { ...deal, stageId: event.data.stageId, outcome: 'lost', closedAt: new Date(occurredAt).toISOString() };
    case 'DealReopened':
      // The reopen is the stage change: no DealStageChanged accompanies it.
      return { ...deal, stageId: event.data.toStageId, outcome: 'open', closedAt: null };
    case 'DealAmountChanged':
      return withTerms(deal, { amount: event.data.amount, currency: event.data.currency });
    case 'DealCloseDateChanged':
      return { ...deal, closeDate: event.data.closeDate };
    case 'DealOwnerAssigned':
      return { ...deal, ownerId: event.data.ownerId };
    case 'DealRenamed':
      return { ...deal, name: event.data.name };
    case 'DealContractTermChanged':
      return withTerms(deal, { contractTermMonths: event.data.contractTermMonths });
    case 'DealRevenueTypeChanged':
      return withTerms(deal, { revenueType: event.data.revenueType, billingPeriod: event.data.billingPeriod });
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
    } else if (isDealStreamEvent(event)) {
      const before = deals.get(dealIdOf(event));
      const after = isDealListDealEvent(event) ? evolveDeal(before, { type: event.type, data: event.data } as ListDealEvent, event.metadata.occurredAt) : before;
      put(after && after.revision !== event.revision ? { ...after, revision: event.revision } : after, before);
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
