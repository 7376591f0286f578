// Conditions on event data and record state, and which record a trigger enrols. Each evaluation returns the
// values that decided it, so a run can explain why it enrolled or which arm a branch took.
import { compareAmounts, isCalendarDate, parseInstant } from '#domain/shared';
import {
  QUALIFICATION_CHANGED,
  type Condition,
  type ConditionOperators,
  type ConditionValue,
  type DecisionValues,
  type RecordState,
  type RecordType,
  type Scalar,
  type TriggerEvent,
  type WorkflowDefinition,
} from './definition.js';
import { shownValue, valuesAt } from './paths.js';

export type ConditionResult = Readonly<{ holds: boolean; values: DecisionValues }>;

const operatorsOf = (value: ConditionValue): ConditionOperators =>
  typeof value === 'object' && value !== null ? value : { eq: value };

// Calendar dates count as their UTC midnight so a date compares with a date-time.
const instantOf = (text: string): number | null => (isCalendarDate(text) ? Date.parse(`${text}T00:00:00Z`) : parseInstant(text));
const DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
/**
 * A number or numeric text as exact decimal text: amounts are decimal strings ("10000.00", "0.29") and must compare
 * exactly, never through a float. A number is taken at its shortest round-trip text (0.29 is "0.29"); other numeric
 * text Number reads ("0x10", " 12 ", "+5") keeps its meaning through Number.
 */
const decimalOf = (value: unknown): string | null => {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value !== 'string' || value.trim() === '') return null;
  // Text beyond any number ('1e999') is no number, as before; within range the digits compare exactly.
  const number = Number(value);
  if (!Number.isFinite(number)) return null;
  return DECIMAL.test(value) ? value : String(number);
};

/**
 * Negative, zero or positive; null when the two cannot be ordered (a number against a word). Numbers and numeric
 * text order as exact decimals ("12" > 9, "12" > "9", "10000.00" = 10000), dates and date-times as instants, other
 * text as text.
 */
const compare = (actual: unknown, expected: unknown): number | null => {
  const [decimalA, decimalB] = [decimalOf(actual), decimalOf(expected)];
  if (decimalA !== null && decimalB !== null) return compareAmounts(decimalA, decimalB);
  if (typeof actual !== 'string' || typeof expected !== 'string') return null;
  const [instantA, instantB] = [instantOf(actual), instantOf(expected)];
  if (instantA !== null && instantB !== null) return instantA - instantB;
  return actual < expected ? -1 : actual > expected ? 1 : 0;
};

// Text equals text as written ("0123" is not "123"), except two spellings of one instant; a number equals its
// text ("1200.00" is 1200, as amounts may arrive either way).
const equals = (actual: unknown, expected: Scalar): boolean => {
  if (expected === null) return actual === null || actual === undefined;
  if (actual === expected) return true;
  if (typeof actual === 'string' && typeof expected === 'string') {
    const [instantA, instantB] = [instantOf(actual), instantOf(expected)];
    return instantA !== null && instantA === instantB;
  }
  return (typeof actual === 'number' || typeof expected === 'number') && compare(actual, expected) === 0;
};

const contains = (actual: unknown, needle: Scalar): boolean =>
  typeof actual === 'string' && typeof needle === 'string' ? actual.toLowerCase().includes(needle.toLowerCase()) : equals(actual, needle);

/** Every operator but `exists` on one value. */
const satisfies = (actual: unknown, ops: ConditionOperators): boolean => {
  const ordered = (expected: number | string | undefined, holds: (order: number) => boolean): boolean => {
    if (expected === undefined) return true;
    const order = compare(actual, expected);
    return order !== null && holds(order);
  };
  return (
    (ops.eq === undefined || equals(actual, ops.eq)) &&
    (ops.ne === undefined || !equals(actual, ops.ne)) &&
    (ops.in === undefined || ops.in.some((expected) => equals(actual, expected))) &&
    (ops.notIn === undefined || !ops.notIn.some((expected) => equals(actual, expected))) &&
    ordered(ops.gt, (order) => order > 0) &&
    ordered(ops.gte, (order) => order >= 0) &&
    ordered(ops.lt, (order) => order < 0) &&
    ordered(ops.lte, (order) => order <= 0) &&
    (ops.contains === undefined || contains(actual, ops.contains))
  );
};

const memberHolds = (found: readonly unknown[], ops: ConditionOperators): boolean => {
  const present = found.filter((value) => value !== null);
  if (ops.exists !== undefined && ops.exists !== present.length > 0) return false;
  const { exists: _exists, ...rest } = ops;
  if (Object.keys(rest).length === 0) return true;
  // Nothing there is one value, null: `eq: null` and `ne: 'x'` hold on a missing field.
  return (found.length === 0 ? [null] : found).some((value) => satisfies(value, rest));
};

/** Every member must hold; the values are what each path reached (null for nothing), all listed. */
export const evaluateCondition = (condition: Condition, scope: unknown): ConditionResult => {
  let holds = true;
  const values: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(condition)) {
    const found = valuesAt(scope, path);
    values[path] = shownValue(found);
    holds = memberHolds(found, operatorsOf(value)) && holds;
  }
  return { holds, values };
};

export type TriggerMatch = Readonly<{ matched: boolean; values: DecisionValues }>;

/** Whether this event enrols its record; schedule triggers enrol by date, never by an event. */
export const triggerMatches = (definition: WorkflowDefinition, trigger: TriggerEvent, state: RecordState): TriggerMatch => {
  const { trigger: rule } = definition;
  if (rule.kind === 'schedule') return { matched: false, values: {} };
  const where: Condition = rule.kind === 'event' ? rule.where : { qualification: { eq: rule.becomes } };
  const event = rule.kind === 'event' ? rule.event : QUALIFICATION_CHANGED;
  if (trigger.type !== event) return { matched: false, values: {} };
  const onData = evaluateCondition(where, trigger.data);
  if (!onData.holds) return { matched: false, values: onData.values };
  const onState = evaluateCondition(rule.state, state);
  // A qualification is explained by the score that made it: "mql (was null), 45 points under formula f1".
  const score = rule.kind === 'qualification' ? Object.fromEntries(['previous', 'total', 'formulaId'].map((key) => [key, shownValue(valuesAt(trigger.data, key))])) : {};
  return { matched: onState.holds, values: { ...onData.values, ...score, ...onState.values } };
};

const RECORD_TYPE_BY_PREFIX: readonly (readonly [RegExp, RecordType])[] = [
  [/^(FormSubmitted|PageViewed|Contact|MarketingEmail|LeadScoreQualificationChanged$)/, 'contact'],
  [/^Deal/, 'deal'],
  [/^Ticket/, 'ticket'],
  [/^Company/, 'company'],
  // A survey answer enrols the contact who answered (a ticket workflow may declare recordType ticket: its ticketId).
  [/^SurveyResponded$/, 'contact'],
];

/** The record type an event type is about, when its name says so. */
export const recordTypeOfEvent = (eventType: string): RecordType | null =>
  RECORD_TYPE_BY_PREFIX.find(([pattern]) => pattern.test(eventType))?.[1] ?? null;

/** The record this event enrols: the `<recordType>Id` of its data (contactId, dealId, ticketId, companyId). */
export const recordOf = (definition: WorkflowDefinition, trigger: TriggerEvent): { recordType: RecordType; recordId: string } | null => {
  const recordId = trigger.data[`${definition.recordType}Id`];
  return typeof recordId === 'string' && recordId !== '' ? { recordType: definition.recordType, recordId } : null;
};
