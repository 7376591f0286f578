// Deal history, the pure part: every change of a deal becomes a new version row (pipeline, stage and its probability
// then, amount and currency, expected close date, outcome, actual close, owner, revenue type), valid from its event's
// business time until the next version's; every change of a pipeline becomes a version of it and its stages. The
// version a change closes gets its valid_to. Versions carry the event's id and position: the drill-down names them,
// and a batch applied again (a lost checkpoint) adds nothing.
import type { RecordedEvent } from '#event-store';
import { amountFromLegacyNumber } from '#domain/shared';
import type { DealEvent } from '#domain/deal';
import { pipelineDecider, type Pipeline, type PipelineEvent } from '#domain/pipeline';
import { storedInstant } from '../pg-values.js';
import { isPipelineEvent, PIPELINE_EVENT_TYPES, stageRowsOf, type StageRow } from '../pipeline-health/pipeline-stages.projection.js';

export const DEAL_HISTORY_DEAL_EVENT_TYPES = [
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
] as const satisfies readonly DealEvent['type'][];

export const DEAL_HISTORY_EVENT_TYPES: readonly string[] = [...PIPELINE_EVENT_TYPES, ...DEAL_HISTORY_DEAL_EVENT_TYPES];

export type DealOutcomeAt = 'open' | 'won' | 'lost';
export type RevenueType = 'one-off' | 'recurring';

/** Where a version comes from: its event, its log position (text of bigints) and its valid time. */
export type VersionOrigin = Readonly<{
  seq: number;
  eventId: string;
  positionCommit: string;
  positionPrepare: string;
  occurredAt: string;
  validFrom: string;
  /** null: in force now. */
  validTo: string | null;
}>;

export type DealVersion = VersionOrigin &
  Readonly<{
    dealId: string;
    eventType: string;
    name: string;
    pipelineId: string;
    stageId: string;
    /** The stage's probability when the version began (decimal text), null for a stage the pipeline does not have. */
    probability: string | null;
    amount: string;
    currency: string;
    /** The expected close date, YYYY-MM-DD. */
    closeDate: string;
    outcome: DealOutcomeAt;
    /** occurredAt of the DealWon/DealLost that closed it; null while open. */
    closedAt: string | null;
    enteredStageAt: string;
    createdAt: string;
    ownerId: string | null;
    revenueType: RevenueType;
    billingPeriod: string | null;
    contractTermMonths: number;
  }>;

export type PipelineVersion = VersionOrigin & Readonly<{ pipeline: Pipeline }>;

export type StageVersionRow = StageRow & Readonly<{ seq: number }>;

export type DealHistoryState = Readonly<{
  /** The version of each pipeline in force (valid_to null). */
  pipelines: ReadonlyMap<string, PipelineVersion>;
  /** The version of each deal in force (valid_to null). */
  deals: ReadonlyMap<string, DealVersion>;
}>;

export type DealHistoryChanges = Readonly<{
  state: DealHistoryState;
  /** Versions added or closed, each once (its last form), in first-touched order. */
  dealVersions: readonly DealVersion[];
  pipelineVersions: readonly PipelineVersion[];
  /** The stages of each new pipeline version. */
  stageRows: readonly StageVersionRow[];
}>;

// Amounts are decimal strings once the #17 upcasters are in place; a number is an older shape read as it was stored.
type Money = string | number;
const amountText = (amount: Money, currency: string): string => (typeof amount === 'number' ? amountFromLegacyNumber(amount, currency) : amount);

type DealData = Readonly<Record<string, unknown>> & { dealId: string };

export const isDealHistoryDealEvent = (event: Pick<RecordedEvent, 'type'>): boolean => (DEAL_HISTORY_DEAL_EVENT_TYPES as readonly string[]).includes(event.type);

export const dealIdOf = (event: RecordedEvent): string => (event.data as DealData).dealId;

/** The pipeline a deal event names, if it names one. */
export const pipelineIdNamedBy = (event: RecordedEvent): string | undefined => {
  const pipelineId = (event.data as { pipelineId?: unknown }).pipelineId;
  return typeof pipelineId === 'string' ? pipelineId : undefined;
};

const isAfter = (event: RecordedEvent, origin: Pick<VersionOrigin, 'positionCommit' | 'positionPrepare'>): boolean => {
  const commit = BigInt(origin.positionCommit);
  const prepare = BigInt(origin.positionPrepare);
  return event.position.commit > commit || (event.position.commit === commit && event.position.prepare > prepare);
};

// Instants as the table reads them back (PostgreSQL's range, see pg-values), so a rebuild equals the live build.
// Valid time never runs backwards: a change recorded after another but dated before it takes effect when the earlier
// one did, so exactly one version is in force at any instant from the first one on.
const originOf = (event: RecordedEvent, previous: VersionOrigin | undefined): VersionOrigin => {
  const occurredAt = storedInstant(event.metadata.occurredAt);
  const validFrom = previous && Date.parse(previous.validFrom) > Date.parse(occurredAt) ? previous.validFrom : occurredAt;
  return {
    seq: (previous?.seq ?? 0) + 1,
    eventId: event.id,
    positionCommit: event.position.commit.toString(),
    positionPrepare: event.position.prepare.toString(),
    occurredAt,
    validFrom,
    validTo: null,
  };
};

/**
 * A pipeline's first version holds since the earliest instant Tally stores: deals are recorded (imported, seeded)
 * with dates before their pipeline was created (the default pipelines are created when Tally first starts), and
 * their stages then are the pipeline's first known ones.
 */
const PIPELINE_FIRST_VALID_FROM = '1900-01-01T00:00:00.000Z';

const probabilityIn = (pipeline: Pipeline | undefined, stageId: string): string | null => {
  const stage = pipeline?.stages.find((candidate) => candidate.id === stageId);
  return stage === undefined ? null : String(stage.probability);
};

type DealFields = Omit<DealVersion, keyof VersionOrigin | 'eventType' | 'probability'>;

/** A deal's fields after one event, or undefined when the event changes nothing this history keeps. */
export const evolveDealFields = (deal: DealFields | undefined, type: string, data: DealData, occurredAt: string): DealFields | undefined => {
  const at = storedInstant(occurredAt);
  if (type === 'DealCreated') {
    if (deal) return undefined;
    const d = data as DealData & {
      name: string; pipelineId: string; stageId: string; amount: Money; currency: string; closeDate: string; ownerId: string | null;
      contractTermMonths?: number; revenueType?: RevenueType; billingPeriod?: string | null;
    };
    return {
      dealId: d.dealId, name: d.name, pipelineId: d.pipelineId, stageId: d.stageId, amount: amountText(d.amount, d.currency), currency: d.currency,
      closeDate: d.closeDate, outcome: 'open', closedAt: null, enteredStageAt: at, createdAt: at, ownerId: d.ownerId ?? null,
      revenueType: d.revenueType ?? 'one-off', billingPeriod: d.billingPeriod ?? null, contractTermMonths: d.contractTermMonths ?? 12,
    };
  }
  if (!deal) return undefined;
  switch (type) {
    case 'DealStageChanged': {
      const { pipelineId, toStageId } = data as DealData & { pipelineId: string; toStageId: string };
      return { ...deal, pipelineId, stageId: toStageId, enteredStageAt: at };
    }
    case 'DealWon':
      return { ...deal, outcome: 'won', closedAt: at };
    case 'DealLost':
      return { ...deal, outcome: 'lost', closedAt: at };
    case 'DealReopened': {
      // The reopen is the stage change: no DealStageChanged accompanies it.
      const { pipelineId, toStageId } = data as DealData & { pipelineId: string; toStageId: string };
      return { ...deal, pipelineId, stageId: toStageId, enteredStageAt: at, outcome: 'open', closedAt: null };
    }
    case 'DealAmountChanged': {
      const { amount, currency } = data as DealData & { amount: Money; currency: string };
      return { ...deal, amount: amountText(amount, currency), currency };
    }
    case 'DealCloseDateChanged':
      return { ...deal, closeDate: (data as DealData & { closeDate: string }).closeDate };
    case 'DealOwnerAssigned':
      return { ...deal, ownerId: (data as DealData & { ownerId: string | null }).ownerId };
    case 'DealRenamed':
      return { ...deal, name: (data as DealData & { name: string }).name };
    case 'DealContractTermChanged':
      return { ...deal, contractTermMonths: (data as DealData & { contractTermMonths: number }).contractTermMonths };
    case 'DealRevenueTypeChanged': {
      const { revenueType, billingPeriod } = data as DealData & { revenueType: RevenueType; billingPeriod: string | null };
      return { ...deal, revenueType, billingPeriod };
    }
    default:
      return undefined;
  }
};

/** Applies a batch in log order to the versions in force; answers the rows to write. */
export const reduceDealHistory = (state: DealHistoryState, events: readonly RecordedEvent[]): DealHistoryChanges => {
  const pipelines = new Map(state.pipelines);
  const deals = new Map(state.deals);
  const dealRows = new Map<string, DealVersion>();
  const pipelineRows = new Map<string, PipelineVersion>();
  const stageRows: StageVersionRow[] = [];
  for (const event of events) {
    if (isPipelineEvent(event)) {
      const pipelineEvent = { type: event.type, data: event.data } as PipelineEvent;
      const current = pipelines.get(pipelineEvent.data.pipelineId);
      if (current && !isAfter(event, current)) continue;
      const after = pipelineDecider.evolve(current?.pipeline ?? null, pipelineEvent);
      if (after === null || after === current?.pipeline) continue;
      const origin = current ? originOf(event, current) : { ...originOf(event, undefined), validFrom: PIPELINE_FIRST_VALID_FROM };
      if (current) pipelineRows.set(`${after.pipelineId}:${current.seq}`, { ...current, validTo: origin.validFrom });
      const version: PipelineVersion = { ...origin, pipeline: after };
      pipelines.set(after.pipelineId, version);
      pipelineRows.set(`${after.pipelineId}:${version.seq}`, version);
      stageRows.push(...stageRowsOf(after).map((stage) => ({ ...stage, seq: version.seq })));
    } else if (isDealHistoryDealEvent(event)) {
      const data = event.data as DealData;
      const current = deals.get(data.dealId);
      if (current && !isAfter(event, current)) continue;
      const fields = evolveDealFields(current, event.type, data, event.metadata.occurredAt);
      if (fields === undefined) continue;
      const origin = originOf(event, current);
      if (current) dealRows.set(`${data.dealId}:${current.seq}`, { ...current, validTo: origin.validFrom });
      const version: DealVersion = {
        ...fields,
        ...origin,
        eventType: event.type,
        probability: probabilityIn(pipelines.get(fields.pipelineId)?.pipeline, fields.stageId),
      };
      deals.set(data.dealId, version);
      dealRows.set(`${data.dealId}:${version.seq}`, version);
    }
  }
  return { state: { pipelines, deals }, dealVersions: [...dealRows.values()], pipelineVersions: [...pipelineRows.values()], stageRows };
};
