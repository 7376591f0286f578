// Scores a contact with a formula as of a given instant. Pure: the clock is `asOf`, nothing is read or written.
// Amounts are kept in integer hundredths from the moment an event's points are known, so every reported number
// (contributions, cuts, groups, fit, engagement, total) adds up exactly.
import { assertNever, compareAmounts } from '#domain/shared';
import type {
  Comparison,
  Contribution,
  EngagementRule,
  FitRule,
  Formula,
  FormulaGroup,
  GroupScore,
  Qualification,
  Scalar,
  ScoreBreakdown,
  ScoringEvent,
  ScoringInput,
} from './formula.js';
import { formulaId } from './formula-id.js';

const MS_PER_DAY = 86_400_000;
// A zone designator is required: without one Date.parse reads local time and scores would depend on the host.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/i;
const DECIMAL = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?\s*$/i;

// Hashing the canonical formula costs more than scoring a contact: computed once per formula object (formulas are
// read-only values, so the id of an object never changes).
const formulaIds = new WeakMap<Formula, string>();
const cachedFormulaId = (formula: Formula): string => {
  let id = formulaIds.get(formula);
  if (id === undefined) {
    id = formulaId(formula);
    formulaIds.set(formula, id);
  }
  return id;
};

export class ScoringInputInvalid extends Error {
  readonly code = 'SCORING_INPUT_INVALID';
  constructor(
    readonly field: string,
    readonly value: string,
  ) {
    super(`${field} "${value}" is not an ISO 8601 instant with a time zone`);
  }
}

const instant = (value: string, field: string): number => {
  const ms = ISO_INSTANT.test(value) ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(ms)) throw new ScoringInputInvalid(field, value);
  return ms;
};

// A path's keys, split once: paths come from formulas, so the map stays as small as the formulas in use.
const pathKeys = new Map<string, readonly string[]>();
const keysOf = (path: string): readonly string[] => {
  let keys = pathKeys.get(path);
  if (keys === undefined) {
    keys = path.split('.');
    pathKeys.set(path, keys);
  }
  return keys;
};

// Own members only, so a path like `constructor` or `__proto__` never reaches the prototype.
const readPath = (data: unknown, path: string): unknown => {
  let current = data;
  for (const key of keysOf(path)) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
};

const asText = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;

// Deal amounts are decimal strings ("1000.00"): numeric text orders against a formula's number as an exact decimal,
// never through a float (two numbers compare as they are).
const asDecimal = (value: unknown): string | undefined => {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  // Text beyond any number ('1e999') is no number, as before; within range the digits compare exactly.
  return typeof value === 'string' && DECIMAL.test(value) && Number.isFinite(Number(value)) ? value.trim().replace(/^\+/, '') : undefined;
};

const order = (actual: unknown, expected: number): number | undefined => {
  if (typeof actual === 'number') return Number.isFinite(actual) ? Math.sign(actual - expected) : undefined;
  const decimal = asDecimal(actual);
  return decimal === undefined ? undefined : compareAmounts(decimal, String(expected));
};

// Text equals text ignoring case; a number in the formula equals numeric text of the same value however it is spelt
// ("1000.00" is 1000), as amounts were numbers before they were strings.
const sameText = (actual: unknown, expected: Scalar): boolean => {
  if (typeof expected === 'number' && typeof actual === 'string') {
    const decimal = asDecimal(actual);
    if (decimal !== undefined) return compareAmounts(decimal, String(expected)) === 0;
  }
  return asText(actual)?.toLowerCase() === String(expected).toLowerCase();
};

// Compiled once per condition object; the pattern is re-checked so a changed condition recompiles.
const compiled = new WeakMap<object, { pattern: string; flags: string; regex: RegExp }>();
const regexOf = (comparison: Extract<Comparison, { op: 'matches' }>): RegExp => {
  const flags = comparison.flags ?? '';
  const cached = compiled.get(comparison);
  if (cached && cached.pattern === comparison.value && cached.flags === flags) return cached.regex;
  const regex = new RegExp(comparison.value, flags);
  compiled.set(comparison, { pattern: comparison.value, flags, regex });
  return regex;
};

const holds = (comparison: Comparison, actual: unknown): boolean => {
  switch (comparison.op) {
    case 'equals':
      return sameText(actual, comparison.value);
    case 'notEquals':
      return !sameText(actual, comparison.value);
    case 'contains':
      return asText(actual)?.toLowerCase().includes(comparison.value.toLowerCase()) ?? false;
    case 'startsWith':
      return asText(actual)?.toLowerCase().startsWith(comparison.value.toLowerCase()) ?? false;
    case 'matches': {
      const text = asText(actual);
      return text !== undefined && regexOf(comparison).test(text);
    }
    case 'in':
      return comparison.value.some((candidate) => sameText(actual, candidate));
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const sign = order(actual, comparison.value);
      if (sign === undefined) return false;
      if (comparison.op === 'gt') return sign > 0;
      if (comparison.op === 'gte') return sign >= 0;
      if (comparison.op === 'lt') return sign < 0;
      return sign <= 0;
    }
    case 'exists':
      return actual !== undefined && actual !== null && actual !== '';
    default:
      return assertNever(comparison);
  }
};

/** Type and `where` only: time (asOf, withinDays) is the scorer's concern. */
export const ruleMatchesEvent = (rule: EngagementRule, event: Pick<ScoringEvent, 'type' | 'data'>): boolean => {
  if (event.type !== rule.when.event) return false;
  for (const condition of rule.when.where ?? []) if (!holds(condition, readPath(event.data, condition.field))) return false;
  return true;
};

/** Property names are plain keys (no dotted paths): custom property names may contain dots. */
export const fitRuleMatches = (rule: FitRule, properties: Readonly<Record<string, unknown>>): boolean =>
  holds(rule.when, Object.hasOwn(properties, rule.when.property) ? properties[rule.when.property] : undefined);

/** The event types a formula can score, sorted: a projection needs to keep only these. */
export const eventTypesUsed = (formula: Formula): string[] => {
  const types = new Set<string>();
  for (const group of formula.groups) {
    if (group.kind === 'engagement') for (const rule of group.rules) types.add(rule.when.event);
  }
  return [...types].sort();
};

// The event itself, not a copy with its time added: a copy per event per score was most of the scorer's garbage.
type TimedEvent = Readonly<{ event: ScoringEvent; occurredMs: number }>;

// A contribution being worked out in hundredths; the cut fields are filled in stage by stage.
type Draft = {
  readonly ruleId: string;
  readonly groupId: string;
  readonly event: ScoringEvent | null;
  readonly rawPoints: number;
  readonly decayFactor: number;
  /** rawPoints x decayFactor, before rounding to hundredths. */
  readonly exact: number;
  points: number;
  cutByRuleCap: number;
  cutByGroupLimit: number;
  cutByTotalLimit: number;
};

const toHundredths = (amount: number): number => Math.round(amount * 100);
// `+ 0` turns -0 into 0, so an empty cut reads as 0 everywhere.
const toPoints = (hundredths: number): number => hundredths / 100 + 0;
const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);
const kept = (draft: Draft): number => draft.points - draft.cutByRuleCap - draft.cutByGroupLimit - draft.cutByTotalLimit;

const roundHalfAwayFromZero = (value: number): number => Math.sign(value) * Math.round(Math.abs(value));
// Float products of two-decimal amounts land a hair off whole hundredths (0.29 * 100); snap those back.
const snap = (value: number): number => {
  const whole = Math.round(value);
  return Math.abs(value - whole) < 1e-6 ? whole : value;
};

/**
 * A rule's exact amounts in whole hundredths that add up to its rounded exact sum (largest remainder method:
 * floors first, the hundredths left go to the largest fractions, earlier contributions first on ties).
 */
const quantize = (exact: readonly number[]): number[] => {
  const scaled = exact.map((value) => snap(value * 100));
  const floors = scaled.map(Math.floor);
  const left = roundHalfAwayFromZero(sum(scaled)) - sum(floors);
  const bonus = new Set(
    scaled
      .map((value, index) => ({ index, fraction: value - floors[index] }))
      .sort((a, b) => b.fraction - a.fraction || a.index - b.index)
      .slice(0, Math.max(0, left))
      .map(({ index }) => index),
  );
  return floors.map((floor, index) => (bonus.has(index) ? floor + 1 : floor));
};

/**
 * Splits a cut (integer hundredths) across contributions in proportion to what each still counts, with the
 * hundredths left by rounding going to the largest remainders (earlier contributions first on ties). Only the
 * contributions on the side of the excess share it, so no contribution changes sign. Exact integer arithmetic.
 */
const apportion = (excess: number, weights: readonly number[]): number[] => {
  const sign = excess < 0 ? -1 : 1;
  const target = BigInt(Math.abs(excess));
  const eligible = weights.map((weight) => (Math.sign(weight) === sign ? BigInt(Math.abs(weight)) : 0n));
  const total = eligible.reduce((accumulated, weight) => accumulated + weight, 0n);
  if (target === 0n || total === 0n) return weights.map(() => 0);
  const shares = eligible.map((weight, index) => ({ index, floor: (target * weight) / total, remainder: (target * weight) % total }));
  const left = Number(target - shares.reduce((accumulated, share) => accumulated + share.floor, 0n));
  const bonus = new Set(
    [...shares]
      .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1))
      .slice(0, left)
      .map(({ index }) => index),
  );
  return shares.map((share, index) => sign * (Number(share.floor) + (bonus.has(index) ? 1 : 0)));
};

/** The amount by which `value` lies outside [low, high], signed like the side it overshoots. */
const overshoot = (value: number, low: number, high: number): number =>
  value > high ? value - high : value < low ? value - low : 0;

const fitDrafts = (groupId: string, rule: FitRule, properties: Readonly<Record<string, unknown>>): Draft[] =>
  fitRuleMatches(rule, properties)
    ? [
        {
          ruleId: rule.id,
          groupId,
          event: null,
          rawPoints: rule.points,
          decayFactor: 1,
          exact: rule.points,
          points: 0,
          cutByRuleCap: 0,
          cutByGroupLimit: 0,
          cutByTotalLimit: 0,
        },
      ]
    : [];

/** An event's decay factor for a rule at `asOfMs`, or undefined when the rule does not count it (no match, later, too old). */
const decayAt = (rule: EngagementRule, { event, occurredMs }: TimedEvent, asOfMs: number): number | undefined => {
  const ageMs = asOfMs - occurredMs;
  if (ageMs < 0 || !ruleMatchesEvent(rule, event)) return undefined;
  if (rule.withinDays !== undefined && ageMs > rule.withinDays * MS_PER_DAY) return undefined;
  return rule.decay ? 0.5 ** (ageMs / MS_PER_DAY / rule.decay.halfLifeDays) : 1;
};

/** The events a rule counts at `asOfMs`, oldest first, with their decay. */
const counted = (
  rule: EngagementRule,
  events: readonly TimedEvent[],
  asOfMs: number,
): { event: ScoringEvent; decayFactor: number }[] => {
  const found: { event: ScoringEvent; decayFactor: number }[] = [];
  for (const timed of events) {
    const decayFactor = decayAt(rule, timed, asOfMs);
    if (decayFactor !== undefined) found.push({ event: timed.event, decayFactor });
  }
  return found;
};

const engagementDrafts = (
  groupId: string,
  rule: EngagementRule,
  events: readonly TimedEvent[],
  asOfMs: number,
): Draft[] =>
  counted(rule, events, asOfMs).map(({ event, decayFactor }) => ({
    ruleId: rule.id,
    groupId,
    event,
    rawPoints: rule.points,
    decayFactor,
    exact: rule.points * decayFactor,
    points: 0,
    cutByRuleCap: 0,
    cutByGroupLimit: 0,
    cutByTotalLimit: 0,
  }));

const applyCut = (drafts: readonly Draft[], excess: number, field: 'cutByRuleCap' | 'cutByGroupLimit' | 'cutByTotalLimit'): void => {
  apportion(excess, drafts.map(kept)).forEach((share, index) => {
    drafts[index][field] = share;
  });
};

// Oldest first; stream, revision and id break ties so the order never depends on the caller's order.
const byOccurrence = ({ event: a, occurredMs: aMs }: TimedEvent, { event: b, occurredMs: bMs }: TimedEvent): number =>
  aMs - bMs ||
  (a.streamName < b.streamName ? -1 : a.streamName > b.streamName ? 1 : 0) ||
  a.revision - b.revision ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

// A projection scores a contact's events again at every step: each event's instant is parsed once, into the timed
// event the scorer sorts. The text is kept to re-check, so an event object given again with another occurredAt is
// parsed again.
const timedEvents = new WeakMap<ScoringEvent, TimedEvent & { readonly text: string }>();
const timedOf = (event: ScoringEvent): TimedEvent => {
  const timed = timedEvents.get(event);
  if (timed !== undefined && timed.text === event.occurredAt) return timed;
  const parsed = { event, occurredMs: instant(event.occurredAt, `event ${event.id} occurredAt`), text: event.occurredAt };
  timedEvents.set(event, parsed);
  return parsed;
};

// Formulas are read-only values (as for their ids): the types they score are worked out once per formula object.
const usedTypes = new WeakMap<Formula, ReadonlySet<string>>();
const usedTypesOf = (formula: Formula): ReadonlySet<string> => {
  let types = usedTypes.get(formula);
  if (types === undefined) {
    types = new Set(eventTypesUsed(formula));
    usedTypes.set(formula, types);
  }
  return types;
};

const scorableEvents = (formula: Formula, events: readonly ScoringEvent[]): TimedEvent[] => {
  const types = usedTypesOf(formula);
  const timed: TimedEvent[] = [];
  for (const event of events) if (types.has(event.type)) timed.push(timedOf(event));
  timed.sort(byOccurrence);
  // At-least-once delivery may hand the same event twice: it scores once.
  const seen = new Set<string>();
  return timed.filter(({ event }) => {
    if (seen.has(event.id)) return false;
    seen.add(event.id);
    return true;
  });
};

const scoreGroup = (
  group: FormulaGroup,
  input: ScoringInput,
  events: readonly TimedEvent[],
  asOfMs: number,
): Draft[] => {
  const ruleDrafts =
    group.kind === 'fit'
      ? group.rules.map((rule) => ({ maxPoints: undefined, drafts: fitDrafts(group.id, rule, input.properties) }))
      : group.rules.map((rule) => ({ maxPoints: rule.maxPoints, drafts: engagementDrafts(group.id, rule, events, asOfMs) }));
  for (const { maxPoints, drafts } of ruleDrafts) {
    quantize(drafts.map((draft) => draft.exact)).forEach((hundredths, index) => {
      drafts[index].points = hundredths;
    });
    if (maxPoints !== undefined) {
      const cap = toHundredths(maxPoints);
      applyCut(drafts, overshoot(sum(drafts.map(kept)), -cap, cap), 'cutByRuleCap');
    }
  }
  const groupDrafts = ruleDrafts.flatMap(({ drafts }) => drafts);
  const limit = toHundredths(group.limit);
  applyCut(groupDrafts, overshoot(sum(groupDrafts.map(kept)), -limit, limit), 'cutByGroupLimit');
  return groupDrafts;
};

const toContribution = (draft: Draft): Contribution => ({
  ruleId: draft.ruleId,
  groupId: draft.groupId,
  eventId: draft.event?.id ?? null,
  eventType: draft.event?.type ?? null,
  streamName: draft.event?.streamName ?? null,
  revision: draft.event?.revision ?? null,
  position: draft.event?.position ?? null,
  occurredAt: draft.event?.occurredAt ?? null,
  rawPoints: draft.rawPoints,
  decayFactor: draft.decayFactor,
  points: toPoints(draft.points),
  cutByRuleCap: toPoints(draft.cutByRuleCap),
  cutByGroupLimit: toPoints(draft.cutByGroupLimit),
  cutByTotalLimit: toPoints(draft.cutByTotalLimit),
  counted: toPoints(kept(draft)),
});

const toGroupScore = (group: FormulaGroup, drafts: readonly Draft[]): GroupScore => {
  const total = (pick: (draft: Draft) => number): number => toPoints(sum(drafts.map(pick)));
  return {
    groupId: group.id,
    kind: group.kind,
    points: total((draft) => draft.points),
    cutByRuleCap: total((draft) => draft.cutByRuleCap),
    cutByGroupLimit: total((draft) => draft.cutByGroupLimit),
    cutByTotalLimit: total((draft) => draft.cutByTotalLimit),
    score: total(kept),
  };
};

const qualify = (totalHundredths: number, formula: Formula): Qualification => {
  if (totalHundredths >= toHundredths(formula.thresholds.sql)) return 'sql';
  if (totalHundredths >= toHundredths(formula.thresholds.mql)) return 'mql';
  return 'none';
};

/**
 * Scores a contact. Expects a validated formula. Properties are taken as given (the caller supplies them as of
 * `asOf`); events after `asOf` are ignored; an event id given twice counts once. Throws ScoringInputInvalid when
 * `asOf` or a scorable event's occurredAt is not an ISO 8601 instant with a time zone.
 */
export const scoreContact = (formula: Formula, input: ScoringInput): ScoreBreakdown => {
  const asOfMs = instant(input.asOf, 'asOf');
  const events = scorableEvents(formula, input.events);
  const draftsByGroup = formula.groups.map((group) => scoreGroup(group, input, events, asOfMs));
  const drafts = draftsByGroup.flat();
  // Shared among groups first, so a group's reported score only moves toward zero and stays within its limit.
  const groupSums = draftsByGroup.map((groupDrafts) => sum(groupDrafts.map(kept)));
  apportion(overshoot(sum(groupSums), 0, toHundredths(formula.limit)), groupSums).forEach((share, index) => {
    applyCut(draftsByGroup[index], share, 'cutByTotalLimit');
  });

  const groups = formula.groups.map((group, index) => toGroupScore(group, draftsByGroup[index]));
  const kindTotal = (kind: FormulaGroup['kind']): number =>
    sum(draftsByGroup.flatMap((groupDrafts, index) => (formula.groups[index].kind === kind ? groupDrafts.map(kept) : [])));
  const totalHundredths = sum(drafts.map(kept));
  return {
    formulaId: cachedFormulaId(formula),
    asOf: input.asOf,
    fit: toPoints(kindTotal('fit')),
    engagement: toPoints(kindTotal('engagement')),
    total: toPoints(totalHundredths),
    qualification: qualify(totalHundredths, formula),
    groups,
    contributions: drafts.map(toContribution),
  };
};

/**
 * What a rule's contributions add up to in hundredths, given their exact amounts in order: the sum `quantize` shares
 * out (the bonus hundredths included), added up in the same order.
 */
class QuantizedSum {
  private scaled = 0;
  private floors = 0;
  private count = 0;

  add(exact: number): void {
    const hundredths = snap(exact * 100);
    this.scaled += hundredths;
    this.floors += Math.floor(hundredths);
    this.count += 1;
  }

  get hundredths(): number {
    return this.floors + Math.min(Math.max(0, roundHalfAwayFromZero(this.scaled) - this.floors), this.count);
  }
}

const clamp = (value: number, low: number, high: number): number => value - overshoot(value, low, high);

/**
 * The total and qualification `scoreContact` gives, without building the breakdown: for a projection that needs only
 * the qualification at every step of a contact. Each cut takes exactly the overshoot it is apportioned (a validated
 * formula's caps and limits are not negative, so the side of the excess always has something to give), so every
 * kept sum is its sum clamped, and the order of the additions is scoreContact's.
 */
export const scoreTotal = (formula: Formula, input: ScoringInput): Readonly<{ formulaId: string; total: number; qualification: Qualification }> => {
  const asOfMs = instant(input.asOf, 'asOf');
  const events = scorableEvents(formula, input.events);
  let totalHundredths = 0;
  for (const group of formula.groups) {
    let groupSum = 0;
    if (group.kind === 'fit') {
      for (const rule of group.rules) {
        if (!fitRuleMatches(rule, input.properties)) continue;
        const sum = new QuantizedSum();
        sum.add(rule.points);
        groupSum += sum.hundredths;
      }
    } else {
      for (const rule of group.rules) {
        const sum = new QuantizedSum();
        for (const timed of events) {
          const decayFactor = decayAt(rule, timed, asOfMs);
          if (decayFactor !== undefined) sum.add(rule.points * decayFactor);
        }
        const ruleSum = sum.hundredths;
        const cap = rule.maxPoints === undefined ? undefined : toHundredths(rule.maxPoints);
        groupSum += cap === undefined ? ruleSum : clamp(ruleSum, -cap, cap);
      }
    }
    const limit = toHundredths(group.limit);
    totalHundredths += clamp(groupSum, -limit, limit);
  }
  totalHundredths = clamp(totalHundredths, 0, toHundredths(formula.limit));
  return { formulaId: cachedFormulaId(formula), total: toPoints(totalHundredths), qualification: qualify(totalHundredths, formula) };
};
