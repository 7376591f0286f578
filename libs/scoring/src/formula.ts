// The lead-scoring formula: plain JSON-compatible data. A formula is its content; its id is the hash of it.
export const PROPERTY_OPS = [
  'equals',
  'notEquals',
  'contains',
  'startsWith',
  'matches',
  'in',
  'gt',
  'gte',
  'lt',
  'lte',
  'exists',
] as const;

export type ConditionOp = (typeof PROPERTY_OPS)[number];

export type Scalar = string | number | boolean;

/** The comparison part shared by property conditions and event `where` conditions. */
export type Comparison =
  | Readonly<{ op: 'equals' | 'notEquals'; value: Scalar }>
  | Readonly<{ op: 'contains' | 'startsWith'; value: string }>
  | Readonly<{ op: 'matches'; value: string; flags?: string }>
  | Readonly<{ op: 'in'; value: readonly Scalar[] }>
  | Readonly<{ op: 'gt' | 'gte' | 'lt' | 'lte'; value: number }>
  | Readonly<{ op: 'exists' }>;

/** A condition on a contact property (built-in or custom), read as of `asOf`. */
export type PropertyCondition = Readonly<{ property: string }> & Comparison;

/** A condition on an event's `data`, addressed by a dotted path (`fields.country`). */
export type FieldCondition = Readonly<{ field: string }> & Comparison;

export type Condition = PropertyCondition | FieldCondition;

export type EventCondition = Readonly<{ event: string; where?: readonly FieldCondition[] }>;

export type FitRule = Readonly<{ id: string; points: number; when: PropertyCondition }>;

export type Decay = Readonly<{ halfLifeDays: number }>;

export type EngagementRule = Readonly<{
  id: string;
  points: number;
  /** Caps the rule's sum at +maxPoints (a negative rule is floored at -maxPoints). */
  maxPoints?: number;
  /** Only events no older than this many days at `asOf` count. */
  withinDays?: number;
  decay?: Decay;
  when: EventCondition;
}>;

export type FitGroup = Readonly<{ id: string; kind: 'fit'; limit: number; rules: readonly FitRule[] }>;

export type EngagementGroup = Readonly<{
  id: string;
  kind: 'engagement';
  limit: number;
  rules: readonly EngagementRule[];
}>;

export type FormulaGroup = FitGroup | EngagementGroup;

export type GroupKind = FormulaGroup['kind'];

export type Thresholds = Readonly<{ mql: number; sql: number }>;

export type Formula = Readonly<{
  name: string;
  thresholds: Thresholds;
  limit: number;
  groups: readonly FormulaGroup[];
}>;

export type Qualification = 'none' | 'mql' | 'sql';

/** A validation finding: a JSON Pointer into the formula document ('' is the root) and why. */
export type FormulaIssue = Readonly<{ path: string; reason: string }>;

/** An event as the scorer sees it: the store envelope, business time and the position formatted as a string. */
export type ScoringEvent = Readonly<{
  id: string;
  type: string;
  streamName: string;
  revision: number;
  position: string;
  occurredAt: string;
  data: unknown;
}>;

export type ScoringInput = Readonly<{
  /** The contact's properties (built-in and custom) as of `asOf`. */
  properties: Readonly<Record<string, unknown>>;
  events: readonly ScoringEvent[];
  /** ISO 8601 with a time zone (`Z` or `+hh:mm`). */
  asOf: string;
}>;

/**
 * One matched fit rule or one matched event. `points` is after decay, rounded to hundredths; each cut has the
 * sign of the points it removes, so `points - cutByRuleCap - cutByGroupLimit - cutByTotalLimit` is what counts.
 */
export type Contribution = Readonly<{
  ruleId: string;
  groupId: string;
  /** null for fit rules (as are the other event fields). */
  eventId: string | null;
  eventType: string | null;
  streamName: string | null;
  revision: number | null;
  position: string | null;
  occurredAt: string | null;
  rawPoints: number;
  decayFactor: number;
  points: number;
  cutByRuleCap: number;
  cutByGroupLimit: number;
  cutByTotalLimit: number;
  /** points minus every cut: the contributions' `counted` add up to the total. */
  counted: number;
}>;

/** A group's share of the total, built from its contributions with the same cuts. */
export type GroupScore = Readonly<{
  groupId: string;
  kind: GroupKind;
  points: number;
  cutByRuleCap: number;
  cutByGroupLimit: number;
  cutByTotalLimit: number;
  /** points minus every cut: the groups' `score` add up to the total. */
  score: number;
}>;

export type ScoreBreakdown = Readonly<{
  formulaId: string;
  asOf: string;
  /** Sum of the fit groups' scores. */
  fit: number;
  /** Sum of the engagement groups' scores. */
  engagement: number;
  total: number;
  qualification: Qualification;
  groups: readonly GroupScore[];
  contributions: readonly Contribution[];
}>;
