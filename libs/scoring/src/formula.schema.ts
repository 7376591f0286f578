// JSON Schema (draft-07, as Ajv runs it) of a formula document: the shape only; cross-field rules live in
// validate-formula.ts. The rule shape is picked by `when`: `event` makes an engagement rule, else a fit rule.
import { PROPERTY_OPS } from './formula.js';

const MAX_POINTS = 1_000_000;
const MAX_DAYS = 36_500;
const MAX_TEXT = 1_000;

const identifier = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$', maxLength: 100 };
const scalar = { type: ['string', 'number', 'boolean'], maxLength: MAX_TEXT };
const text = { type: 'string', minLength: 1, maxLength: MAX_TEXT };
const points = { type: 'number', minimum: -MAX_POINTS, maximum: MAX_POINTS };
const positive = { type: 'number', exclusiveMinimum: 0, maximum: MAX_POINTS };
const threshold = { type: 'number', minimum: 0, maximum: MAX_POINTS };
const days = { type: 'number', exclusiveMinimum: 0, maximum: MAX_DAYS };

const whenOp = (ops: readonly string[], then: Record<string, unknown>) => ({
  if: { properties: { op: { enum: ops } }, required: ['op'] },
  then,
});

// `value` and `flags` depend on the op; `false` marks a member the op does not take.
const comparisonByOp = [
  whenOp(['equals', 'notEquals'], { required: ['value'], properties: { value: scalar, flags: false } }),
  whenOp(['contains', 'startsWith'], { required: ['value'], properties: { value: text, flags: false } }),
  whenOp(['matches'], { required: ['value'], properties: { value: text } }),
  whenOp(['in'], {
    required: ['value'],
    properties: { value: { type: 'array', minItems: 1, maxItems: MAX_TEXT, items: scalar }, flags: false },
  }),
  whenOp(['gt', 'gte', 'lt', 'lte'], { required: ['value'], properties: { value: { type: 'number' }, flags: false } }),
  whenOp(['exists'], { properties: { value: false, flags: false } }),
];

const condition = (subject: 'property' | 'field', subjectSchema: Record<string, unknown>) => ({
  type: 'object',
  required: [subject, 'op'],
  additionalProperties: false,
  properties: {
    [subject]: subjectSchema,
    op: { enum: PROPERTY_OPS },
    value: true,
    // Only flags that keep RegExp#test stateless (no g, y) and need no newer engine (no d, v).
    flags: { type: 'string', pattern: '^[imsu]*$' },
  },
  allOf: comparisonByOp,
});

const propertyCondition = condition('property', { type: 'string', minLength: 1, maxLength: 200 });
// Dotted path into the event's data: non-empty segments separated by single dots.
const fieldCondition = condition('field', { type: 'string', pattern: '^[^.]+(\\.[^.]+)*$', maxLength: 200 });

const fitRule = {
  type: 'object',
  required: ['id', 'points', 'when'],
  additionalProperties: false,
  properties: { id: identifier, points, when: propertyCondition },
};

const engagementRule = {
  type: 'object',
  required: ['id', 'points', 'when'],
  additionalProperties: false,
  properties: {
    id: identifier,
    points,
    maxPoints: positive,
    withinDays: days,
    decay: {
      type: 'object',
      required: ['halfLifeDays'],
      additionalProperties: false,
      properties: { halfLifeDays: days },
    },
    when: {
      type: 'object',
      required: ['event'],
      additionalProperties: false,
      properties: {
        event: { type: 'string', minLength: 1, maxLength: 200 },
        where: { type: 'array', maxItems: 50, items: fieldCondition },
      },
    },
  },
};

const rule = {
  type: 'object',
  if: { properties: { when: { type: 'object', required: ['event'] } }, required: ['when'] },
  then: engagementRule,
  else: fitRule,
};

export const FORMULA_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  required: ['name', 'thresholds', 'limit', 'groups'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    thresholds: {
      type: 'object',
      required: ['mql', 'sql'],
      additionalProperties: false,
      properties: { mql: threshold, sql: threshold },
    },
    limit: positive,
    groups: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['id', 'kind', 'limit', 'rules'],
        additionalProperties: false,
        properties: {
          id: identifier,
          kind: { enum: ['fit', 'engagement'] },
          limit: positive,
          rules: { type: 'array', minItems: 1, items: rule },
        },
      },
    },
  },
} as const;
