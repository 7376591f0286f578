// Pipeline health, the pure part: one row per deal (where it stands, what it is worth, since when), the pipelines'
// stage rows, and each deal's share of the totals per group (pipeline, stage, currency, outcome, close month) that
// queries read instead of every deal. Figures (weighted amounts, ages, win rates) are computed when asked, so a
// probability change re-weights every deal at once and nothing here depends on the clock. Amounts stay the events'
// decimal strings (numeric in the tables): no float ever touches them.
import type { RecordedEvent } from '#event-store';
import type { DealCreated, DealEvent, DealOutcome } from '#domain/deal';
import { assertNever } from '#domain/shared';
import { storedInstant } from '../pg-values.js';
import {
  instant,
  PIPELINE_EVENT_TYPES,
  reducePipelinesAndDeals,
  type PipelinesAndDeals,
  type PipelinesAndDealsChanges,
} from './pipeline-stages.projection.js';

export const DEAL_EVENT_TYPES = [
  'DealCreated',
  'DealStageChanged',
  'DealWon',
  'DealLost',
  'DealReopened',
  'DealAmountChanged',
  'DealCloseDateChanged',
  'DealOwnerAssigned',
  'DealRenamed',
] as const satisfies readonly DealEvent['type'][];

export const PIPELINE_HEALTH_EVENT_TYPES: readonly string[] = [...PIPELINE_EVENT_TYPES, ...DEAL_EVENT_TYPES];

type HealthDealEvent = Extract<DealEvent, { type: (typeof DEAL_EVENT_TYPES)[number] }>;

/** What DealCreated says of a deal, kept up to date by the later events, and where it stands. */
export type HealthDeal = Pick<DealCreated['data'], 'dealId' | 'name' | 'pipelineId' | 'stageId' | 'amount' | 'currency' | 'ownerId' | 'closeDate'> &
  Readonly<{
    outcome: DealOutcome;
    /** Business time (occurredAt) of entering the current stage, ISO with milliseconds. */
    enteredStageAt: string;
    createdAt: string;
    closedAt: string | null;
  }>;

export type PipelineHealthState = PipelinesAndDeals<HealthDeal>;

export type PipelineHealthChanges = PipelinesAndDealsChanges<HealthDeal>;

export const isHealthDealEvent = (event: Pick<RecordedEvent, 'type'>): boolean =>
  (DEAL_EVENT_TYPES as readonly string[]).includes(event.type);

export const dealIdOf = (event: RecordedEvent): string => (event.data as { dealId: string }).dealId;

/** The deal after one event; undefined while the deal is unknown (an event before its DealCreated is ignored). */
export const evolveHealthDeal = (deal: HealthDeal | undefined, event: HealthDealEvent, occurredAt: string): HealthDeal | undefined => {
  const at = instant(occurredAt);
  if (event.type === 'DealCreated') {
    if (deal) return deal;
    const { dealId, name, pipelineId, stageId, amount, currency, ownerId, closeDate } = event.data;
    return { dealId, name, pipelineId, stageId, amount, currency, ownerId, closeDate, outcome: 'open', enteredStageAt: at, createdAt: at, closedAt: null };
  }
  if (!deal) return deal;
  switch (event.type) {
    case 'DealStageChanged':
      return { ...deal, stageId: event.data.toStageId, enteredStageAt: at };
    case 'DealWon':
      return { ...deal, outcome: 'won', closedAt: at };
    case 'DealLost':
      return { ...deal, outcome: 'lost', closedAt: at };
    case 'DealReopened':
      // The reopen is the stage change: no DealStageChanged accompanies it.
      return { ...deal, stageId: event.data.toStageId, enteredStageAt: at, outcome: 'open', closedAt: null };
    case 'DealAmountChanged':
      return { ...deal, amount: event.data.amount, currency: event.data.currency };
    case 'DealCloseDateChanged':
      return { ...deal, closeDate: event.data.closeDate };
    case 'DealOwnerAssigned':
      return { ...deal, ownerId: event.data.ownerId };
    case 'DealRenamed':
      return { ...deal, name: event.data.name };
    default:
      return assertNever(event);
  }
};

/** Applies a batch in order to the rows it touches; returns the new rows and which of them changed. */
export const reducePipelineHealth = (state: PipelineHealthState, events: readonly RecordedEvent[]): PipelineHealthChanges =>
  reducePipelinesAndDeals(state, events, (deals, event) => {
    if (!isHealthDealEvent(event)) return undefined;
    const dealId = dealIdOf(event);
    const before = deals.get(dealId);
    const after = evolveHealthDeal(before, { type: event.type, data: event.data } as HealthDealEvent, event.metadata.occurredAt);
    return after && after !== before ? { dealId, deal: after } : undefined;
  });

/** A deal's share of its group's totals, added (1) or taken out (-1). */
export type DealShare = Readonly<{
  pipelineId: string;
  stageId: string;
  currency: string;
  outcome: DealOutcome;
  /** The forecast month: YYYY-MM of the expected close date while open, of the close event's UTC date once closed. */
  closeMonth: string;
  sign: 1 | -1;
  /** The deal's decimal string, as the event carries it. */
  amount: string;
  enteredStageAt: string;
}>;

// The UTC month of an instant as stored (clamped to PostgreSQL's range), so the share a reloaded deal takes out is
// the one it put in; years beyond 9999 keep their sign and width (`+010000-01`).
const storedMonthOf = (iso: string): string => {
  const stored = storedInstant(iso);
  return stored.slice(0, stored.indexOf('-', 1) + 3);
};

/**
 * The month a deal counts in: an open deal's expected close date, a closed deal's actual close (the latest
 * DealWon or DealLost), so a deal won on the 5th counts in that month whatever close date it was expected on.
 */
export const closeMonthOf = (deal: Pick<HealthDeal, 'closeDate' | 'closedAt'>): string =>
  deal.closedAt === null ? deal.closeDate.slice(0, 7) : storedMonthOf(deal.closedAt);

const shareOf = (deal: HealthDeal, sign: 1 | -1): DealShare => ({
  pipelineId: deal.pipelineId,
  stageId: deal.stageId,
  currency: deal.currency,
  outcome: deal.outcome,
  closeMonth: closeMonthOf(deal),
  sign,
  amount: deal.amount,
  enteredStageAt: deal.enteredStageAt,
});

/** What changed deals move in the totals: each one's share before the batch taken out, its share after put in. */
export const shareChanges = (before: ReadonlyMap<string, HealthDeal>, changed: readonly HealthDeal[]): DealShare[] =>
  changed.flatMap((after) => {
    const old = before.get(after.dealId);
    return old ? [shareOf(old, -1), shareOf(after, 1)] : [shareOf(after, 1)];
  });
