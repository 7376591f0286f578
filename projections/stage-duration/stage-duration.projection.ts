// Stage durations, the pure part: one row per deal per stage visit. Entering a stage (creation, a stage change or
// a reopen) closes the open visit and starts the next one; a stage entered again gets a new visit number, so
// earlier visits keep their durations. Medians, percentiles and conversion are computed when asked.
import type { RecordedEvent } from '#event-store';
import type { DealEvent } from '#domain/deal';
import { assertNever } from '#domain/shared';
import {
  instant,
  PIPELINE_EVENT_TYPES,
  reducePipelinesAndDeals,
  type PipelinesAndDeals,
  type PipelinesAndDealsChanges,
} from '../pipeline-health/pipeline-stages.projection.js';

export const STAGE_ENTRY_EVENT_TYPES = ['DealCreated', 'DealStageChanged', 'DealReopened'] as const satisfies readonly DealEvent['type'][];

export const STAGE_DURATION_EVENT_TYPES: readonly string[] = [...PIPELINE_EVENT_TYPES, ...STAGE_ENTRY_EVENT_TYPES];

type StageEntryEvent = Extract<DealEvent, { type: (typeof STAGE_ENTRY_EVENT_TYPES)[number] }>;

export type StageVisit = Readonly<{
  dealId: string;
  pipelineId: string;
  stageId: string;
  /** The deal's n-th stage entry overall, from 1: orders visits across stages. */
  seq: number;
  /** The n-th visit of this deal to this stage, from 1. */
  visit: number;
  enteredAt: string;
  exitedAt: string | null;
  /** The stage entered on leaving, so "closed won from this stage" needs no second look. */
  exitedTo: string | null;
  durationMs: number | null;
}>;

/** What a deal needs to go on: the visit in progress (a deal is always in some stage) and its visits per stage. */
export type DealVisits = Readonly<{
  current: StageVisit;
  visitCounts: Readonly<Record<string, number>>;
}>;

export type StageDurationState = PipelinesAndDeals<DealVisits>;

export type StageDurationChanges = PipelinesAndDealsChanges<DealVisits> &
  Readonly<{
    /** Visits added or closed, each once, in the order they were first touched. */
    changedVisits: readonly StageVisit[];
  }>;

export const isStageEntryEvent = (event: Pick<RecordedEvent, 'type'>): boolean =>
  (STAGE_ENTRY_EVENT_TYPES as readonly string[]).includes(event.type);

type StageEntry = Readonly<{ dealId: string; pipelineId: string; toStageId: string }>;

const openVisit = ({ dealId, pipelineId, toStageId }: StageEntry, seq: number, visit: number, enteredAt: string): StageVisit => ({
  dealId,
  pipelineId,
  stageId: toStageId,
  seq,
  visit,
  enteredAt,
  exitedAt: null,
  exitedTo: null,
  durationMs: null,
});

/**
 * A deal after one stage entry, with the visits it closed and opened; undefined for a deal not (yet) created,
 * whose stage changes are ignored.
 */
export const evolveDealVisits = (
  deal: DealVisits | undefined,
  event: StageEntryEvent,
  occurredAt: string,
): { deal: DealVisits; visits: readonly StageVisit[] } | undefined => {
  const at = instant(occurredAt);
  switch (event.type) {
    case 'DealCreated': {
      if (deal) return undefined;
      const { dealId, pipelineId, stageId } = event.data;
      const current = openVisit({ dealId, pipelineId, toStageId: stageId }, 1, 1, at);
      return { deal: { current, visitCounts: { [stageId]: 1 } }, visits: [current] };
    }
    case 'DealStageChanged':
    case 'DealReopened': {
      // A reopen is the stage change itself: no DealStageChanged accompanies it.
      if (!deal) return undefined;
      const { current, visitCounts } = deal;
      const { toStageId } = event.data;
      // Business times may arrive out of order (imports): a visit never lasts less than nothing.
      const durationMs = Math.max(0, Date.parse(at) - Date.parse(current.enteredAt));
      const closed: StageVisit = { ...current, exitedAt: at, exitedTo: toStageId, durationMs };
      const visit = (visitCounts[toStageId] ?? 0) + 1;
      const next = openVisit(event.data, current.seq + 1, visit, at);
      return { deal: { current: next, visitCounts: { ...visitCounts, [toStageId]: visit } }, visits: [closed, next] };
    }
    default:
      return assertNever(event);
  }
};

/** Applies a batch in order; returns the new state, the changed deals and the visit rows added or closed. */
export const reduceStageDurations = (state: StageDurationState, events: readonly RecordedEvent[]): StageDurationChanges => {
  const changedVisits = new Map<string, StageVisit>();
  const changes = reducePipelinesAndDeals(state, events, (deals, event) => {
    if (!isStageEntryEvent(event)) return undefined;
    const entry = { type: event.type, data: event.data } as StageEntryEvent;
    const result = evolveDealVisits(deals.get(entry.data.dealId), entry, event.metadata.occurredAt);
    if (!result) return undefined;
    for (const visit of result.visits) changedVisits.set(`${visit.dealId}#${visit.seq}`, visit);
    return { dealId: entry.data.dealId, deal: result.deal };
  });
  return { ...changes, changedVisits: [...changedVisits.values()] };
};
