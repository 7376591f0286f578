// The funnel math, pure: from the facts as of a date (the queries load them) to the stage counts, conversion and
// time between stages per group, and first- and last-touch attribution. Deterministic: no clock, ties broken by
// log position then event id, percentiles interpolated as PostgreSQL's percentile_cont and rounded to the ms.
//
// Skipped stages, decided as HubSpot's cumulative funnel does: a contact counts at every stage up to the furthest it
// reached (lead -> customer counts at marketing-qualified, sales-qualified and opportunity too; evangelist is past
// customer; `other` is outside the funnel), so conversion never exceeds 1. Time between two consecutive stages is
// measured only over contacts that actually entered both (HubSpot's "became a X date" exists only for stages
// entered), from the first entry of one to the first entry of the next, so a skip never adds a zero duration.
import { sumAmounts } from '#domain/shared';

export const FUNNEL_STAGES = ['subscriber', 'lead', 'marketing-qualified', 'sales-qualified', 'opportunity', 'customer'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

// How far along the funnel each lifecycle stage is; evangelist has passed customer, other is not on it.
const RANK: Readonly<Record<string, number>> = { ...Object.fromEntries(FUNNEL_STAGES.map((stage, index) => [stage, index])), evangelist: FUNNEL_STAGES.length - 1 };
const rankOf = (stage: string): number | undefined => RANK[stage];

export type FunnelGroupBy = 'source' | 'cohort';
export const FUNNEL_GROUP_BYS: readonly FunnelGroupBy[] = ['source', 'cohort'];
export type AttributionModel = 'first-touch' | 'last-touch';
export const ATTRIBUTION_MODELS: readonly AttributionModel[] = ['first-touch', 'last-touch'];
/** A deal none of whose contacts had a touch before it was created. */
export const NO_SOURCE = '(none)';

/** A fact's place in time: business instant, then log position, then event id. */
export type Ordered = Readonly<{ atMs: number; posCommit: string; posPrepare: string; eventId: string }>;

/** A contact counted in the funnel: created in the range, not merged away by the date. */
export type FunnelPerson = Readonly<{ contactId: string; createdAtMs: number; source: string; eventId: string }>;
/** A stage entry of a person (or of a duplicate merged into it: `contactId` says which record). */
export type FunnelStageEntry = Ordered & Readonly<{ person: string; contactId: string; stage: string }>;
export type FunnelTouch = Ordered & Readonly<{ person: string; contactId: string; source: string; kind: string }>;
export type FunnelDeal = Readonly<{ dealId: string; createdAtMs: number; eventId: string; persons: readonly string[] }>;
/** A deal's latest win, loss or reopen by the date. */
export type FunnelOutcome = Readonly<{ dealId: string; outcome: 'won' | 'lost' | 'reopened'; amount: string | null; currency: string | null; eventId: string; atMs: number }>;

export type FunnelFacts = Readonly<{
  people: readonly FunnelPerson[];
  entries: readonly FunnelStageEntry[];
  touches: readonly FunnelTouch[];
  deals: readonly FunnelDeal[];
  outcomes: readonly FunnelOutcome[];
}>;

const compareBig = (a: string, b: string): number => {
  const [x, y] = [BigInt(a), BigInt(b)];
  return x < y ? -1 : x > y ? 1 : 0;
};
export const compareOrdered = (a: Ordered, b: Ordered): number =>
  a.atMs - b.atMs || compareBig(a.posCommit, b.posCommit) || compareBig(a.posPrepare, b.posPrepare) || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0);

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** percentile_cont(p) over `values`: linear interpolation between the closest ranks, rounded to a whole number. */
export const percentile = (values: readonly number[], p: number): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return Math.round(sorted[low] + (sorted[high] - sorted[low]) * (rank - low));
};

/** reached / of, to 4 decimals; null when nobody reached the earlier stage. */
export const conversion = (reached: number, of: number): number | null => (of === 0 ? null : Math.round((reached * 10_000) / of) / 10_000);

export const cohortOf = (ms: number): string => new Date(ms).toISOString().slice(0, 7);

/** One contact's way through the funnel as of the date. */
export type PersonJourney = Readonly<{
  person: FunnelPerson;
  /** Index in FUNNEL_STAGES of the furthest stage reached, -1 when never on the funnel (only `other`). */
  furthest: number;
  /** Per funnel stage: the entry by which the contact reached or passed it (the first at or past it), if any. */
  reached: readonly (FunnelStageEntry | null)[];
  /** Per funnel stage: the first entry of exactly that stage, if it was entered (not skipped). */
  entered: readonly (FunnelStageEntry | null)[];
  /** The first touch: the original source. */
  firstTouch: FunnelTouch | null;
}>;

const groupOf = (journey: PersonJourney, groupBy: FunnelGroupBy): string =>
  groupBy === 'cohort' ? cohortOf(journey.person.createdAtMs) : (journey.firstTouch?.source ?? journey.person.source);

const groupedBy = <T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> => {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  }
  return map;
};
const byPerson = <T extends { person: string }>(items: readonly T[]): Map<string, T[]> => groupedBy(items, (item) => item.person);

export const journeysOf = (facts: FunnelFacts): PersonJourney[] => {
  const entries = byPerson([...facts.entries].sort(compareOrdered));
  const touches = byPerson([...facts.touches].sort(compareOrdered));
  return facts.people.map((person) => {
    const own = entries.get(person.contactId) ?? [];
    const reached: (FunnelStageEntry | null)[] = FUNNEL_STAGES.map(() => null);
    const entered: (FunnelStageEntry | null)[] = FUNNEL_STAGES.map(() => null);
    let furthest = -1;
    for (const entry of own) {
      const rank = rankOf(entry.stage);
      if (rank === undefined) continue;
      furthest = Math.max(furthest, rank);
      for (let index = 0; index <= rank; index++) reached[index] ??= entry;
      if (entry.stage === FUNNEL_STAGES[rank]) entered[rank] ??= entry;
    }
    return { person, furthest, reached, entered, firstTouch: touches.get(person.contactId)?.[0] ?? null };
  });
};

export type FunnelStageFigures = Readonly<{
  stage: FunnelStage;
  /** Contacts that reached this stage or a later one. */
  reached: number;
  /** reached of the next stage / reached of this one; null for customer and when none reached this one. */
  conversionToNext: number | null;
  /** Contacts that entered this stage and then the next (the ones the times are over). */
  timedToNext: number;
  medianMsToNext: number | null;
  p90MsToNext: number | null;
}>;

export type FunnelGroupFigures = Readonly<{ group: string; contacts: number; stages: readonly FunnelStageFigures[] }>;

/** Milliseconds from entering stage `index` to first entering the next one after it, when both were entered in that order. */
export const msToNext = (journey: PersonJourney, index: number): number | null => {
  const from = journey.entered[index];
  const to = journey.entered[index + 1];
  if (!from || !to || to.atMs < from.atMs) return null;
  return to.atMs - from.atMs;
};

export const funnelGroups = (journeys: readonly PersonJourney[], groupBy: FunnelGroupBy): FunnelGroupFigures[] => {
  const groups = groupedBy(journeys, (journey) => groupOf(journey, groupBy));
  return [...groups.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([group, members]) => {
      const reached = FUNNEL_STAGES.map((_, index) => members.filter((journey) => journey.furthest >= index).length);
      return {
        group,
        contacts: members.length,
        stages: FUNNEL_STAGES.map((stage, index) => {
          const last = index === FUNNEL_STAGES.length - 1;
          const times = last ? [] : members.flatMap((journey) => msToNext(journey, index) ?? []);
          return {
            stage,
            reached: reached[index],
            conversionToNext: last ? null : conversion(reached[index + 1], reached[index]),
            timedToNext: times.length,
            medianMsToNext: percentile(times, 0.5),
            p90MsToNext: percentile(times, 0.9),
          };
        }),
      };
    });
};

/** The contacts behind a group's figures at one stage: those counted as reaching it. */
export type FunnelContactDrill = Readonly<{
  contactId: string;
  group: string;
  createdAt: string;
  createdEventId: string;
  originalSource: string;
  originalSourceEventId: string | null;
  furthestStage: FunnelStage;
  stage: FunnelStage;
  /** When it reached or passed the stage, and by which event (a skip names the event that jumped past it). */
  reachedAt: string;
  reachedEventId: string;
  /** When it entered exactly this stage; null when it skipped it. */
  enteredAt: string | null;
  /** Time to the next stage, when it counts in the median and p90; with the next stage's entry event. */
  msToNext: number | null;
  nextEventId: string | null;
}>;

const iso = (ms: number): string => new Date(ms).toISOString();

export const funnelContacts = (
  journeys: readonly PersonJourney[],
  groupBy: FunnelGroupBy,
  stage: FunnelStage,
  group?: string,
): FunnelContactDrill[] => {
  const index = FUNNEL_STAGES.indexOf(stage);
  return journeys
    .filter((journey) => journey.furthest >= index && (group === undefined || groupOf(journey, groupBy) === group))
    .map((journey): FunnelContactDrill => {
      const reached = journey.reached[index] as FunnelStageEntry;
      const ms = msToNext(journey, index);
      return {
        contactId: journey.person.contactId,
        group: groupOf(journey, groupBy),
        createdAt: iso(journey.person.createdAtMs),
        createdEventId: journey.person.eventId,
        originalSource: journey.firstTouch?.source ?? journey.person.source,
        originalSourceEventId: journey.firstTouch?.eventId ?? null,
        furthestStage: FUNNEL_STAGES[journey.furthest],
        stage,
        reachedAt: iso(reached.atMs),
        reachedEventId: reached.eventId,
        enteredAt: journey.entered[index] ? iso((journey.entered[index] as FunnelStageEntry).atMs) : null,
        msToNext: ms,
        nextEventId: ms === null ? null : ((journey.entered[index + 1] as FunnelStageEntry).eventId),
      };
    })
    .sort((a, b) => compareText(a.group, b.group) || compareText(a.reachedAt, b.reachedAt) || compareText(a.contactId, b.contactId));
};

/** One deal's attribution under one model. */
export type AttributedDeal = Readonly<{
  dealId: string;
  model: AttributionModel;
  source: string;
  createdAt: string;
  createdEventId: string;
  /** The touch credited: which contact, which event, when; null for NO_SOURCE. */
  touchContactId: string | null;
  touchEventId: string | null;
  touchedAt: string | null;
  /** The deal's state by the date: won, lost, or open (never closed, or reopened). */
  outcome: 'won' | 'lost' | 'open';
  /** The won amount (decimal string) and currency when won. */
  amount: string | null;
  currency: string | null;
  outcomeEventId: string | null;
}>;

/** Each deal under both models: the earliest and the latest touch of its contacts at or before its creation. */
export const attributedDeals = (facts: FunnelFacts): AttributedDeal[] => {
  const touches = byPerson([...facts.touches].sort(compareOrdered));
  const outcomes = new Map(facts.outcomes.map((outcome) => [outcome.dealId, outcome]));
  return [...facts.deals]
    .sort((a, b) => a.createdAtMs - b.createdAtMs || compareText(a.dealId, b.dealId))
    .flatMap((deal) => {
      const before = deal.persons
        .flatMap((person) => touches.get(person) ?? [])
        .filter((touch) => touch.atMs <= deal.createdAtMs)
        .sort(compareOrdered);
      const outcome = outcomes.get(deal.dealId);
      const state = outcome?.outcome === 'won' ? 'won' : outcome?.outcome === 'lost' ? 'lost' : 'open';
      const credited = (model: AttributionModel, touch: FunnelTouch | undefined): AttributedDeal => ({
        dealId: deal.dealId,
        model,
        source: touch?.source ?? NO_SOURCE,
        createdAt: iso(deal.createdAtMs),
        createdEventId: deal.eventId,
        touchContactId: touch?.contactId ?? null,
        touchEventId: touch?.eventId ?? null,
        touchedAt: touch ? iso(touch.atMs) : null,
        outcome: state,
        amount: state === 'won' ? (outcome?.amount ?? null) : null,
        currency: state === 'won' ? (outcome?.currency ?? null) : null,
        outcomeEventId: outcome && outcome.outcome !== 'reopened' ? outcome.eventId : null,
      });
      return [credited('first-touch', before[0]), credited('last-touch', before[before.length - 1])];
    });
};

export type WonAmount = Readonly<{ currency: string; amount: string }>;
export type AttributionRow = Readonly<{
  model: AttributionModel;
  source: string;
  /** Deals created in the range credited to the source. */
  deals: number;
  /** Of those, the ones won by the date. */
  wonDeals: number;
  /** Their won amounts per currency, never summed across currencies. */
  won: readonly WonAmount[];
}>;

export const attribution = (deals: readonly AttributedDeal[]): AttributionRow[] => {
  const rows = new Map<string, { model: AttributionModel; source: string; deals: number; wonDeals: number; won: Map<string, string[]> }>();
  for (const deal of deals) {
    const key = JSON.stringify([deal.model, deal.source]);
    const row = rows.get(key) ?? { model: deal.model, source: deal.source, deals: 0, wonDeals: 0, won: new Map<string, string[]>() };
    row.deals++;
    if (deal.outcome === 'won' && deal.amount !== null && deal.currency !== null) {
      row.wonDeals++;
      row.won.set(deal.currency, [...(row.won.get(deal.currency) ?? []), deal.amount]);
    }
    rows.set(key, row);
  }
  return [...rows.values()]
    .sort((a, b) => ATTRIBUTION_MODELS.indexOf(a.model) - ATTRIBUTION_MODELS.indexOf(b.model) || compareText(a.source, b.source))
    .map(({ won, ...row }) => ({
      ...row,
      won: [...won.entries()].sort(([a], [b]) => compareText(a, b)).map(([currency, amounts]) => ({ currency, amount: sumAmounts(amounts, currency) })),
    }));
};
