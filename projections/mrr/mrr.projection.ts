// Recurring revenue, the pure part. Per deal, its contract facts: what it is worth, and once won, the contract that
// started in the month of the win and each change to its MRR since. From those facts alone, `movementsOf` derives the
// deal's MRR movements (new, expansion, contraction, churn, renewal) as signed rows by month, so any month's figures
// are sums and the MRR in force in a month is the sum of every movement up to it. Months come from the events'
// business time (occurredAt), never from the clock. Amounts are decimal strings computed through #domain/shared.
import {
  dealMrr,
  type DealAmountChanged,
  type DealContractTermChanged,
  type DealCreated,
  type DealLost,
  type DealOutcome,
  type DealOwnerAssigned,
  type DealReopened,
  type DealRevenueTypeChanged,
  type DealWon,
} from '#domain/deal';
import { assertNever, compareAmounts, scaleAmount, subtractAmounts } from '#domain/shared';
import { formatPosition, isAfter, parsePosition, type Position } from '#event-store';
import { PG_MIN_INSTANT_MS, pgDay, storedInstant } from '../pg-values.js';

export type MrrDealEvent =
  | DealCreated
  | DealWon
  | DealLost
  | DealReopened
  | DealAmountChanged
  | DealContractTermChanged
  | DealRevenueTypeChanged
  | DealOwnerAssigned;

export const MRR_EVENT_TYPES: readonly MrrDealEvent['type'][] = [
  'DealCreated',
  'DealWon',
  'DealLost',
  'DealReopened',
  'DealAmountChanged',
  'DealContractTermChanged',
  'DealRevenueTypeChanged',
  'DealOwnerAssigned',
];

/** An event as the reducer reads it: its id (what a movement names as its cause), log position and business time. */
export type MrrInput = Readonly<{ id: string; position: Position; occurredAt: string; event: MrrDealEvent }>;

/** A change to a won deal's MRR: from `month` on, the deal's MRR is `mrr` in `currency` (0 for a one-off deal). */
export type MrrStep = Readonly<{ eventId: string; month: string; currency: string; mrr: string }>;

/** A won deal's contract: active from `startMonth` for the deal's contractTermMonths months. */
export type MrrContract = Readonly<{
  wonEventId: string;
  /** YYYY-MM of the win (the actual close). */
  startMonth: string;
  /** It renews the deal named by renewsDealId: its MRR replaces that one's instead of being new. */
  renewal: boolean;
  /** The win or the latest term change: the event a churn at the end of the term names. */
  termEventId: string;
  /** The win first, then each later change, in log order. */
  steps: readonly MrrStep[];
}>;

/** Set on a won contract when a later won deal renewed it, in the renewal's month. */
export type MrrRenewal = Readonly<{ dealId: string; month: string; eventId: string }>;

export type MrrDeal = Readonly<{
  dealId: string;
  pipelineId: string;
  ownerId: string | null;
  amount: string;
  currency: string;
  revenueType: DealCreated['data']['revenueType'];
  billingPeriod: DealCreated['data']['billingPeriod'];
  contractTermMonths: number;
  renewsDealId: string | null;
  outcome: DealOutcome;
  /** Null unless won. */
  contract: MrrContract | null;
  renewedBy: MrrRenewal | null;
  /** The log position of the deal's latest own event applied: a batch applied again changes nothing. */
  position: string;
}>;

/**
 * One movement of a deal's MRR, signed: new, expansion and a renewal's incoming MRR are positive; contraction, churn
 * and a renewed contract's outgoing MRR negative. A renewal is two rows sharing the renewing win's event id; their
 * net is an expansion or a contraction (summed per group by the queries, so each owner's total stays its own).
 */
export type MrrMovementKind = 'new' | 'expansion' | 'contraction' | 'churn' | 'renewal';

export type MrrMovement = Readonly<{
  dealId: string;
  /** The deal's movements in order, from 0. */
  seq: number;
  /** YYYY-MM. */
  month: string;
  kind: MrrMovementKind;
  delta: string;
  currency: string;
  ownerId: string | null;
  pipelineId: string;
  eventId: string;
}>;

// Months as JavaScript spells a day's year and month: `2026-01`, or `+010000-01` / `-000001-01` for the years an
// event's instant may carry beyond YYYY. Counted as integers, since a term may run past the last day Date holds.
const MONTH = /^([+-]?\d+)-(\d{2})$/;

const monthIndex = (month: string): number => {
  const [, year, monthOfYear] = MONTH.exec(month) ?? [];
  if (year === undefined) throw new Error(`"${month}" is not a month`);
  return Number(year) * 12 + Number(monthOfYear) - 1;
};

const monthAt = (index: number): string => {
  const year = Math.floor(index / 12);
  const monthOfYear = String(index - year * 12 + 1).padStart(2, '0');
  const spelled = year >= 0 && year <= 9999 ? String(year).padStart(4, '0') : `${year < 0 ? '-' : '+'}${String(Math.abs(year)).padStart(6, '0')}`;
  return `${spelled}-${monthOfYear}`;
};

/** The UTC month (YYYY-MM) of an ISO instant, clamped to what PostgreSQL holds (see pg-values). */
export const monthOf = (instant: string): string => {
  const iso = storedInstant(instant);
  return iso.slice(0, iso.indexOf('T') - 3);
};

/** The month `count` months after `month`. */
export const addMonths = (month: string, count: number): string => monthAt(monthIndex(month) + count);

export const compareMonths = (a: string, b: string): number => Math.sign(monthIndex(a) - monthIndex(b));

// PostgreSQL's range starts on 4714-11-24 BC, inside its month: that first day stands for the month (an instant
// before it is clamped to it, see pg-values).
const FIRST_DAY = new Date(PG_MIN_INSTANT_MS).toISOString().slice(0, -'T00:00:00.000Z'.length);
const FIRST_MONTH_INDEX = monthIndex(FIRST_DAY.slice(0, -3));

/** A month's first day as a PostgreSQL date (`0001-01-01 BC` for year 0, as pg-values spells days). */
export const pgMonth = (month: string): string => {
  const index = monthIndex(month);
  if (index <= FIRST_MONTH_INDEX) return pgDay(FIRST_DAY);
  const year = Math.floor(index / 12);
  const rest = monthAt(index).slice(-3);
  return year >= 1 ? `${String(year).padStart(4, '0')}${rest}-01` : `${String(1 - year).padStart(4, '0')}${rest}-01 BC`;
};

const zero = (currency: string): string => scaleAmount('0', currency);

/** What the deal's facts make its MRR (the domain's rule, dealMrr), 0 for a one-off deal. */
const mrrOf = (deal: MrrDeal): string => dealMrr(deal) ?? zero(deal.currency);

/** The first month after the contract's term: where its MRR churns unless renewed. */
export const churnMonthOf = (deal: Pick<MrrDeal, 'contractTermMonths'>, contract: MrrContract): string =>
  addMonths(contract.startMonth, deal.contractTermMonths);

const isInForce = (deal: MrrDeal | undefined, month: string): boolean =>
  deal !== undefined &&
  deal.outcome === 'won' &&
  deal.contract !== null &&
  deal.revenueType === 'recurring' &&
  deal.renewedBy === null &&
  compareMonths(deal.contract.startMonth, month) <= 0 &&
  compareMonths(month, churnMonthOf(deal, deal.contract)) <= 0;

/**
 * Applies a batch in log order to the deals it names (and the deals they renew or were renewed by, which the map must
 * hold when known). Answers the new map and the ids of every deal whose facts changed.
 */
export const reduceMrr = (
  before: ReadonlyMap<string, MrrDeal>,
  inputs: readonly MrrInput[],
): { deals: Map<string, MrrDeal>; changed: Set<string> } => {
  const deals = new Map(before);
  const changed = new Set<string>();
  const put = (deal: MrrDeal) => {
    deals.set(deal.dealId, deal);
    changed.add(deal.dealId);
  };
  // A change to a won contract's MRR, in its month; a renewed contract no longer moves (its successor does). A change
  // dated before the contract's latest step takes effect in that step's month: the steps stay in month order, so a
  // backdated correction never sets a month's MRR from facts that a later-dated change had already superseded
  // (which could leave a month with less than nothing in force).
  const stepped = (deal: MrrDeal, input: MrrInput, termChanged = false): MrrDeal => {
    const { contract } = deal;
    if (deal.outcome !== 'won' || contract === null || deal.renewedBy !== null) return deal;
    const occurred = monthOf(input.occurredAt);
    const latest = contract.steps[contract.steps.length - 1].month;
    const month = compareMonths(occurred, latest) < 0 ? latest : occurred;
    const step: MrrStep = { eventId: input.id, month, currency: deal.currency, mrr: mrrOf(deal) };
    return {
      ...deal,
      contract: { ...contract, steps: [...contract.steps, step], termEventId: termChanged ? input.id : contract.termEventId },
    };
  };
  // Out of won (lost or reopened): as if never won, so a renewal it made or received is undone on both sides.
  const unwon = (deal: MrrDeal, outcome: DealOutcome): MrrDeal => {
    if (deal.renewedBy !== null) {
      const successor = deals.get(deal.renewedBy.dealId);
      if (successor?.contract?.renewal) put({ ...successor, contract: { ...successor.contract, renewal: false } });
    }
    if (deal.contract?.renewal && deal.renewsDealId !== null) {
      const renewed = deals.get(deal.renewsDealId);
      if (renewed?.renewedBy?.dealId === deal.dealId) put({ ...renewed, renewedBy: null });
    }
    return { ...deal, outcome, contract: null, renewedBy: null };
  };

  for (const input of inputs) {
    const { event } = input;
    const found = deals.get(event.data.dealId);
    // Applied already (a batch again after a lost checkpoint): wins and changes must not be booked twice.
    if (found && !isAfter(input.position, parsePosition(found.position))) continue;
    const current = found && { ...found, position: formatPosition(input.position) };
    if (event.type === 'DealCreated') {
      if (current) {
        put(current);
        continue;
      }
      const { dealId, pipelineId, ownerId, amount, currency, revenueType, billingPeriod, contractTermMonths, renewsDealId } = event.data;
      put({
        dealId, pipelineId, ownerId, amount, currency, revenueType, billingPeriod, contractTermMonths, renewsDealId,
        outcome: 'open', contract: null, renewedBy: null, position: formatPosition(input.position),
      });
      continue;
    }
    // An event before its deal's DealCreated has nothing to change.
    if (!current) continue;
    switch (event.type) {
      case 'DealWon': {
        const deal: MrrDeal = { ...current, amount: event.data.amount, currency: event.data.currency };
        const startMonth = monthOf(input.occurredAt);
        const renewed = deal.renewsDealId === null ? undefined : deals.get(deal.renewsDealId);
        // A renewal is in time while the renewed contract is still in force, up to the month its churn would show.
        const renewal = deal.revenueType === 'recurring' && isInForce(renewed, startMonth);
        if (renewal && renewed) put({ ...renewed, renewedBy: { dealId: deal.dealId, month: startMonth, eventId: input.id } });
        const step: MrrStep = { eventId: input.id, month: startMonth, currency: deal.currency, mrr: mrrOf(deal) };
        put({ ...deal, outcome: 'won', renewedBy: null, contract: { wonEventId: input.id, startMonth, renewal, termEventId: input.id, steps: [step] } });
        break;
      }
      case 'DealLost':
        put(unwon(current, 'lost'));
        break;
      case 'DealReopened':
        put(unwon(current, 'open'));
        break;
      case 'DealAmountChanged':
        put(stepped({ ...current, amount: event.data.amount, currency: event.data.currency }, input));
        break;
      case 'DealContractTermChanged':
        put(stepped({ ...current, contractTermMonths: event.data.contractTermMonths }, input, true));
        break;
      case 'DealRevenueTypeChanged':
        put(stepped({ ...current, revenueType: event.data.revenueType, billingPeriod: event.data.billingPeriod }, input));
        break;
      case 'DealOwnerAssigned':
        put({ ...current, ownerId: event.data.ownerId });
        break;
      default:
        assertNever(event);
    }
  }
  return { deals, changed };
};

const isZero = (amount: string): boolean => compareAmounts(amount, '0') === 0;

/**
 * The deal's MRR movements, from its facts alone. The contract's steps up to its end each move the MRR by their
 * difference (the first is new, or a renewal's incoming MRR); the end takes what is left out: a renewal in the month
 * of the renewing win (rows up to and including that month count), or else churn in the first month after the term.
 */
export const movementsOf = (deal: MrrDeal): MrrMovement[] => {
  const { contract } = deal;
  if (deal.outcome !== 'won' || contract === null) return [];
  const end = deal.renewedBy
    ? { month: deal.renewedBy.month, kind: 'renewal' as const, eventId: deal.renewedBy.eventId, inclusive: true }
    : { month: churnMonthOf(deal, contract), kind: 'churn' as const, eventId: contract.termEventId, inclusive: false };
  const rows: MrrMovement[] = [];
  const row = (month: string, kind: MrrMovementKind, delta: string, currency: string, eventId: string) =>
    rows.push({ dealId: deal.dealId, seq: rows.length, month, kind, delta, currency, ownerId: deal.ownerId, pipelineId: deal.pipelineId, eventId });
  let inForce = new Map<string, string>();
  contract.steps.forEach((step, index) => {
    const order = compareMonths(step.month, end.month);
    if (order > 0 || (order === 0 && !end.inclusive)) return;
    const next = new Map([[step.currency, step.mrr]]);
    const wasNone = [...inForce.values()].every(isZero);
    for (const currency of new Set([...inForce.keys(), step.currency])) {
      const delta = subtractAmounts(next.get(currency) ?? zero(currency), inForce.get(currency) ?? zero(currency), currency);
      if (isZero(delta)) continue;
      const kind: MrrMovementKind =
        index === 0 ? (contract.renewal ? 'renewal' : 'new') : wasNone ? 'new' : compareAmounts(delta, '0') > 0 ? 'expansion' : 'contraction';
      row(step.month, kind, delta, currency, step.eventId);
    }
    inForce = next;
  });
  for (const [currency, mrr] of inForce) {
    if (!isZero(mrr)) row(end.month, end.kind, subtractAmounts('0', mrr, currency), currency, end.eventId);
  }
  return rows;
};
