// Validation lists every problem at once: the JSON Schema for shape, then cross-field checks that run on
// whatever shape is there, so a caller fixes a formula in one round trip.
import { Ajv, type ErrorObject } from 'ajv';
import { FORMULA_SCHEMA } from './formula.schema.js';
import type { Formula, FormulaIssue } from './formula.js';

export const KNOWN_EVENT_TYPES: readonly string[] = [
  'PageViewed',
  'FormSubmitted',
  'MarketingEmailDelivered',
  'MarketingEmailOpened',
  'MarketingEmailClicked',
  'MarketingEmailBounced',
  'MarketingEmailUnsubscribed',
  'EngagementLogged',
  'DealCreated',
  'TicketCreated',
];

export const BUILT_IN_PROPERTIES: readonly string[] = [
  'email',
  'firstName',
  'lastName',
  'phone',
  'jobTitle',
  'country',
  'companyId',
  'ownerId',
  'lifecycleStage',
  'marketingStatus',
  'source',
];

/**
 * The contact fields erasure redacts (issue #22): a rule on them would score a contact differently once erased, and
 * a rebuild after an erasure would no longer reproduce the published scores. jobTitle, country and source are kept.
 */
export const PERSONAL_PROPERTIES: readonly string[] = ['email', 'firstName', 'lastName', 'phone'];

/** Event data the log encrypts per contact, by event type: every form answer, the free text of engagements. */
export const PERSONAL_EVENT_FIELDS: Readonly<Record<string, (field: string) => boolean>> = {
  FormSubmitted: (field) => field === 'fields' || field.startsWith('fields.'),
  EngagementLogged: (field) => ['subject', 'body', 'outcome'].includes(field.split('.')[0]),
};

const personalReason = (ruleId: unknown, field: string): string =>
  `rule "${String(ruleId)}" reads ${field}, personal data that erasure redacts: its points would change after an erasure ` +
  'and a rebuild would no longer match the scores explained; score on non-personal fields (jobTitle, country, source, events)';

export type ValidateOptions = Readonly<{
  /**
   * The custom properties the caller knows of. Given, a property outside built-ins and this list is a warning;
   * omitted, any property name is accepted silently (custom properties are open-ended).
   */
  customProperties?: readonly string[];
}>;

export type FormulaValidation = Readonly<{
  /** Present exactly when `errors` is empty. */
  formula?: Formula;
  errors: readonly FormulaIssue[];
  warnings: readonly FormulaIssue[];
}>;

// strictRequired is off: the `if` subschemas test for members that their own schema does not declare.
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
const validateShape = ajv.compile(FORMULA_SCHEMA);

const pointerSegment = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');

const schemaIssue = (error: ErrorObject): FormulaIssue | null => {
  switch (error.keyword) {
    // `if` only reports that its `then` failed; the failures themselves are listed separately.
    case 'if':
      return null;
    case 'required':
      return { path: `${error.instancePath}/${pointerSegment(String(error.params.missingProperty))}`, reason: 'is required' };
    case 'additionalProperties':
      return {
        path: `${error.instancePath}/${pointerSegment(String(error.params.additionalProperty))}`,
        reason: 'is not a known member',
      };
    case 'false schema':
      return { path: error.instancePath, reason: 'is not allowed with this op' };
    case 'enum':
      return {
        path: error.instancePath,
        reason: `must be one of ${(error.params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`,
      };
    default:
      return { path: error.instancePath, reason: error.message ?? error.keyword };
  }
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

// Scores are kept in integer hundredths, so configured amounts must be whole hundredths.
const hasAtMostTwoDecimals = (value: number): boolean => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6;

const semanticIssues = (
  input: unknown,
  options: ValidateOptions,
): { errors: FormulaIssue[]; warnings: FormulaIssue[] } => {
  const errors: FormulaIssue[] = [];
  const warnings: FormulaIssue[] = [];
  if (!isRecord(input)) return { errors, warnings };

  const checkAmount = (value: unknown, path: string): void => {
    if (isNumber(value) && !hasAtMostTwoDecimals(value)) errors.push({ path, reason: 'must have at most two decimals' });
  };
  const checkRegex = (condition: Record<string, unknown>, path: string): void => {
    if (condition.op !== 'matches' || typeof condition.value !== 'string') return;
    const flags = typeof condition.flags === 'string' ? condition.flags : '';
    try {
      new RegExp(condition.value, flags);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      errors.push({ path: `${path}/value`, reason: `does not compile: ${reason}` });
    }
  };

  const thresholds = input.thresholds;
  if (isRecord(thresholds)) {
    checkAmount(thresholds.mql, '/thresholds/mql');
    checkAmount(thresholds.sql, '/thresholds/sql');
    if (isNumber(thresholds.mql) && isNumber(thresholds.sql) && thresholds.mql > thresholds.sql) {
      errors.push({ path: '/thresholds/mql', reason: `must be <= thresholds.sql (${thresholds.sql})` });
    }
    if (isNumber(thresholds.sql) && isNumber(input.limit) && thresholds.sql > input.limit) {
      errors.push({ path: '/thresholds/sql', reason: `must be <= limit (${input.limit})` });
    }
  }
  checkAmount(input.limit, '/limit');

  const customProperties = options.customProperties;
  const knownProperties = customProperties ? new Set([...BUILT_IN_PROPERTIES, ...customProperties]) : null;
  const knownEventTypes = new Set(KNOWN_EVENT_TYPES);
  const groupIds = new Map<string, string>();
  const ruleIds = new Map<string, string>();
  const checkUnique = (seen: Map<string, string>, id: unknown, path: string, what: string): void => {
    if (typeof id !== 'string') return;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, path);
    else errors.push({ path, reason: `duplicate ${what} id "${id}" (first at ${first})` });
  };

  const groups = Array.isArray(input.groups) ? input.groups : [];
  groups.forEach((group: unknown, groupIndex) => {
    if (!isRecord(group)) return;
    const groupPath = `/groups/${groupIndex}`;
    checkUnique(groupIds, group.id, `${groupPath}/id`, 'group');
    checkAmount(group.limit, `${groupPath}/limit`);
    const rules = Array.isArray(group.rules) ? group.rules : [];
    rules.forEach((rule: unknown, ruleIndex) => {
      if (!isRecord(rule)) return;
      const rulePath = `${groupPath}/rules/${ruleIndex}`;
      checkUnique(ruleIds, rule.id, `${rulePath}/id`, 'rule');
      checkAmount(rule.points, `${rulePath}/points`);
      checkAmount(rule.maxPoints, `${rulePath}/maxPoints`);
      const when = rule.when;
      if (!isRecord(when)) return;
      const isEventRule = 'event' in when;
      if (group.kind === 'fit' && isEventRule) {
        errors.push({ path: `${rulePath}/when`, reason: 'a fit group holds property rules (when.property), not event rules' });
      }
      if (group.kind === 'engagement' && !isEventRule) {
        errors.push({ path: `${rulePath}/when`, reason: 'an engagement group holds event rules (when.event), not property rules' });
      }
      if (isEventRule) {
        if (typeof when.event === 'string' && !knownEventTypes.has(when.event)) {
          warnings.push({ path: `${rulePath}/when/event`, reason: `"${when.event}" is not a known event type` });
        }
        const where = Array.isArray(when.where) ? when.where : [];
        const personalField = typeof when.event === 'string' ? PERSONAL_EVENT_FIELDS[when.event] : undefined;
        where.forEach((condition: unknown, conditionIndex) => {
          if (!isRecord(condition)) return;
          checkRegex(condition, `${rulePath}/when/where/${conditionIndex}`);
          if (personalField && typeof condition.field === 'string' && personalField(condition.field)) {
            errors.push({ path: `${rulePath}/when/where/${conditionIndex}/field`, reason: personalReason(rule.id, `${String(when.event)}.${condition.field}`) });
          }
        });
      } else {
        checkRegex(when, `${rulePath}/when`);
        if (typeof when.property === 'string' && PERSONAL_PROPERTIES.includes(when.property)) {
          errors.push({ path: `${rulePath}/when/property`, reason: personalReason(rule.id, when.property) });
        }
        if (knownProperties && typeof when.property === 'string' && !knownProperties.has(when.property)) {
          warnings.push({ path: `${rulePath}/when/property`, reason: `"${when.property}" is not a known property` });
        }
      }
    });
  });
  return { errors, warnings };
};

const withoutDuplicates = (issues: readonly FormulaIssue[]): FormulaIssue[] => {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.path}\u0000${issue.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

// Document order: paths compared segment by segment, array indexes numerically.
const byPath = (a: FormulaIssue, b: FormulaIssue): number => {
  const left = a.path.split('/');
  const right = b.path.split('/');
  for (let index = 0; index < Math.min(left.length, right.length); index += 1) {
    if (left[index] === right[index]) continue;
    const bothIndexes = /^\d+$/.test(left[index]) && /^\d+$/.test(right[index]);
    return bothIndexes ? Number(left[index]) - Number(right[index]) : left[index] < right[index] ? -1 : 1;
  }
  return left.length - right.length;
};

export const validateFormula = (input: unknown, options: ValidateOptions = {}): FormulaValidation => {
  const shapeErrors = validateShape(input)
    ? []
    : (validateShape.errors ?? []).map(schemaIssue).filter((issue): issue is FormulaIssue => issue !== null);
  const semantic = semanticIssues(input, options);
  const errors = withoutDuplicates([...shapeErrors, ...semantic.errors]).sort(byPath);
  const warnings = withoutDuplicates(semantic.warnings).sort(byPath);
  return errors.length === 0 ? { formula: input as Formula, errors, warnings } : { errors, warnings };
};
