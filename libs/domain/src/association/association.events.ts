// Associations between records of different object types (HubSpot's model): one stream per pair of records, whose
// events add or remove one label of the pair. Names and shapes are permanent once stored.
import { createHash } from 'node:crypto';
import { defineEvent, type DomainEvent, type EventDefinition, type JsonSchema, dataSchema, idSchema as id, strictObject } from '../shared/index.js';

/** Singular in events and domain code; the URLs use the plurals. */
export const OBJECT_TYPES = ['contact', 'company', 'deal', 'ticket'] as const;
export type ObjectType = (typeof OBJECT_TYPES)[number];
export type RecordRef = Readonly<{ type: ObjectType; id: string }>;

export const isObjectType = (value: unknown): value is ObjectType => typeof value === 'string' && (OBJECT_TYPES as readonly string[]).includes(value);

/** The longest label, in code points after trimming. */
export const MAX_ASSOCIATION_LABEL_LENGTH = 100;
/** The legacy single-company field of contacts and deals; never a label of the pair streams. */
export const PRIMARY_LABEL = 'primary';

/** Negative when `a` comes first: type order contact < company < deal < ticket. Same-type pairs have no order. */
export const compareObjectTypes = (a: ObjectType, b: ObjectType): number => OBJECT_TYPES.indexOf(a) - OBJECT_TYPES.indexOf(b);

/** The pair in canonical order, so that (a, b) and (b, a) name one association. */
export const canonicalPair = (a: RecordRef, b: RecordRef): readonly [RecordRef, RecordRef] =>
  compareObjectTypes(a.type, b.type) <= 0 ? [a, b] : [b, a];

// Hashed so any two ids fit a stream name; the NUL separator keeps ('a', 'bc') and ('ab', 'c') apart.
export const associationStream = (x: RecordRef, y: RecordRef): string => {
  const [a, b] = canonicalPair(x, y);
  const hash = createHash('sha256').update(`${a.id}\0${b.id}`, 'utf8').digest('hex').slice(0, 32);
  return `association-${a.type}-${b.type}-${hash}`;
};

/** from/to in canonical order; label null is a plain association. */
export type RecordsAssociated = DomainEvent<'RecordsAssociated', Readonly<{ from: RecordRef; to: RecordRef; label: string | null }>>;
export type RecordsDissociated = DomainEvent<'RecordsDissociated', Readonly<{ from: RecordRef; to: RecordRef; label: string | null }>>;

export type AssociationEvent = RecordsAssociated | RecordsDissociated;

const recordRef: JsonSchema = strictObject({ type: { enum: [...OBJECT_TYPES] }, id });
const label: JsonSchema = {
  type: ['string', 'null'],
  minLength: 1,
  maxLength: MAX_ASSOCIATION_LABEL_LENGTH,
  // Trimmed, and never the reserved primary label.
  pattern: '^\\S(.*\\S)?$',
  not: { const: PRIMARY_LABEL },
};
const refOf = (types: readonly ObjectType[]): JsonSchema => strictObject({ type: { enum: [...types] }, id });
// Two records of different types, in canonical order: from's type comes before to's.
const pairChange: JsonSchema = {
  ...dataSchema({ from: recordRef, to: recordRef, label }),
  anyOf: OBJECT_TYPES.slice(0, -1).map((type, index) => strictObject({ from: refOf([type]), to: refOf(OBJECT_TYPES.slice(index + 1)), label })),
};

export const associationEventDefinitions: readonly EventDefinition[] = [
  defineEvent({
    type: 'RecordsAssociated',
    schemaVersion: 1,
    description: 'Two records of different object types were associated with a label (null: a plain association); from/to in canonical type order.',
    schema: pairChange,
  }),
  defineEvent({
    type: 'RecordsDissociated',
    schemaVersion: 1,
    description: 'One label (null: the plain association) of two records was removed; from/to in canonical type order.',
    schema: pairChange,
  }),
];
