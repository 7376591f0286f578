// Deal events. Amounts are numbers with at most 2 decimals in an ISO 4217 currency; MRR (amount /
// contractTermMonths) is derived by readers, never stored.
import {
  customPropertyNameSchema,
  defineEvent,
  type DomainEvent,
  type EventDefinition,
  type JsonSchema,
  type PropertyChange,
  type PropertyValues,
  type Upcaster,
  dataSchema,
  MAX_AMOUNT,
  propertiesSchema,
  propertyChangesSchema,
  strictObject,
  idSchema as id,
  optionalIdSchema as optionalId,
  textSchema as text,
} from '../shared/index.js';

export const dealStream = (dealId: string): string => `deal-${dealId}`;

export type DealCreated = DomainEvent<
  'DealCreated',
  Readonly<{
    dealId: string;
    name: string;
    pipelineId: string;
    stageId: string;
    amount: number;
    currency: string;
    contractTermMonths: number;
    /** YYYY-MM-DD, the expected close. */
    closeDate: string;
    ownerId: string | null;
    contactIds: readonly string[];
    /** The primary company. */
    companyId: string | null;
    /** The other companies (never the primary). */
    companyIds: readonly string[];
    /** Custom properties with a value (nulls are left out). */
    properties: PropertyValues;
  }>
>;
export type DealStageChanged = DomainEvent<
  'DealStageChanged',
  Readonly<{ dealId: string; pipelineId: string; fromStageId: string; toStageId: string }>
>;
/** Follows DealStageChanged (or DealCreated) into a won stage. */
export type DealWon = DomainEvent<
  'DealWon',
  Readonly<{ dealId: string; pipelineId: string; stageId: string; amount: number; currency: string; ownerId: string | null }>
>;
/** Follows DealStageChanged (or DealCreated) into a lost stage. */
export type DealLost = DomainEvent<'DealLost', Readonly<{ dealId: string; pipelineId: string; stageId: string; reason: string }>>;
/** A closed deal back in an open stage: the stage change is this event, no DealStageChanged accompanies it. */
export type DealReopened = DomainEvent<
  'DealReopened',
  Readonly<{ dealId: string; pipelineId: string; fromStageId: string; toStageId: string }>
>;
export type DealAmountChanged = DomainEvent<
  'DealAmountChanged',
  Readonly<{ dealId: string; previous: Readonly<{ amount: number; currency: string }>; amount: number; currency: string }>
>;
export type DealCloseDateChanged = DomainEvent<'DealCloseDateChanged', Readonly<{ dealId: string; previous: string; closeDate: string }>>;
/** ownerId null: unassigned. */
export type DealOwnerAssigned = DomainEvent<'DealOwnerAssigned', Readonly<{ dealId: string; previous: string | null; ownerId: string | null }>>;
export type DealContractTermChanged = DomainEvent<
  'DealContractTermChanged',
  Readonly<{ dealId: string; previous: number; contractTermMonths: number }>
>;
export type DealRenamed = DomainEvent<'DealRenamed', Readonly<{ dealId: string; previous: string; name: string }>>;
export type DealContactAssociated = DomainEvent<'DealContactAssociated', Readonly<{ dealId: string; contactId: string }>>;
export type DealContactDissociated = DomainEvent<'DealContactDissociated', Readonly<{ dealId: string; contactId: string }>>;
export type DealCompanyAssociated = DomainEvent<
  'DealCompanyAssociated',
  Readonly<{ dealId: string; companyId: string; previousCompanyId: string | null }>
>;
export type DealPropertiesChanged = DomainEvent<'DealPropertiesChanged', Readonly<{ dealId: string; changes: readonly PropertyChange[] }>>;

export type DealEvent =
  | DealCreated
  | DealStageChanged
  | DealWon
  | DealLost
  | DealReopened
  | DealAmountChanged
  | DealCloseDateChanged
  | DealOwnerAssigned
  | DealRenamed
  | DealContractTermChanged
  | DealContactAssociated
  | DealContactDissociated
  | DealCompanyAssociated
  | DealPropertiesChanged;

// Custom property names may not shadow a built-in field: readers tell them apart by name.
export const DEAL_RESERVED_PROPERTY_NAMES: readonly string[] = [
  'dealId',
  'name',
  'pipelineId',
  'stageId',
  'amount',
  'currency',
  'contractTermMonths',
  'closeDate',
  'ownerId',
  'contactIds',
  'companyId',
  'companyIds',
  'outcome',
];

/** DealCreated v1 had one company at most and no custom properties. */
export const dealCreatedV1ToV2: Upcaster = {
  fromVersion: 1,
  upcast: (data) => ({ ...data, companyIds: [], properties: {} }),
};

// At most 2 decimals is the `money` format (schema-formats.ts): JSON Schema multipleOf 0.01 misjudges binary
// floats like 0.29. The bounds are what the read models hold.
const amount: JsonSchema = { type: 'number', minimum: 0, maximum: MAX_AMOUNT, format: 'money' };
const currency: JsonSchema = { type: 'string', pattern: '^[A-Z]{3}$', format: 'currency' };
const contractTermMonths: JsonSchema = { type: 'integer', minimum: 1, maximum: 120 };
const date: JsonSchema = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date' };

const ids: JsonSchema = { type: 'array', items: id, uniqueItems: true };

const stageChange = dataSchema({ dealId: id, pipelineId: id, fromStageId: id, toStageId: id });

export const dealEventDefinitions: readonly EventDefinition[] = [
  defineEvent({
    type: 'DealCreated',
    schemaVersion: 2,
    description: 'A deal was created in a stage of a deal pipeline; companyId is the primary company, companyIds the others.',
    schema: dataSchema({
      dealId: id,
      name: text,
      pipelineId: id,
      stageId: id,
      amount,
      currency,
      contractTermMonths,
      closeDate: date,
      ownerId: optionalId,
      contactIds: ids,
      companyId: optionalId,
      companyIds: ids,
      properties: propertiesSchema(DEAL_RESERVED_PROPERTY_NAMES),
    }),
    upcasters: [dealCreatedV1ToV2],
  }),
  defineEvent({ type: 'DealStageChanged', schemaVersion: 1, description: 'A deal moved to another stage of its pipeline.', schema: stageChange }),
  defineEvent({
    type: 'DealWon',
    schemaVersion: 1,
    description: 'A deal entered a won stage; amount and owner as they were at that moment.',
    schema: dataSchema({ dealId: id, pipelineId: id, stageId: id, amount, currency, ownerId: optionalId }),
  }),
  defineEvent({
    type: 'DealLost',
    schemaVersion: 1,
    description: 'A deal entered a lost stage, with the reason given.',
    schema: dataSchema({ dealId: id, pipelineId: id, stageId: id, reason: text }),
  }),
  defineEvent({ type: 'DealReopened', schemaVersion: 1, description: 'A won or lost deal moved back to an open stage.', schema: stageChange }),
  defineEvent({
    type: 'DealAmountChanged',
    schemaVersion: 1,
    description: 'The amount or currency of a deal changed.',
    schema: dataSchema({ dealId: id, previous: strictObject({ amount, currency }), amount, currency }),
  }),
  defineEvent({
    type: 'DealCloseDateChanged',
    schemaVersion: 1,
    description: 'The expected close date of a deal changed.',
    schema: dataSchema({ dealId: id, previous: date, closeDate: date }),
  }),
  defineEvent({
    type: 'DealOwnerAssigned',
    schemaVersion: 1,
    description: 'A deal got another owner (null: unassigned).',
    schema: dataSchema({ dealId: id, previous: optionalId, ownerId: optionalId }),
  }),
  defineEvent({
    type: 'DealRenamed',
    schemaVersion: 1,
    description: 'A deal got a new name.',
    schema: dataSchema({ dealId: id, previous: text, name: text }),
  }),
  defineEvent({
    type: 'DealContractTermChanged',
    schemaVersion: 1,
    description: 'The contract term of a deal (whole months, what MRR divides by) changed.',
    schema: dataSchema({ dealId: id, previous: contractTermMonths, contractTermMonths }),
  }),
  defineEvent({
    type: 'DealContactAssociated',
    schemaVersion: 1,
    description: 'A contact was associated with a deal.',
    schema: dataSchema({ dealId: id, contactId: id }),
  }),
  defineEvent({
    type: 'DealContactDissociated',
    schemaVersion: 1,
    description: 'A contact was dissociated from a deal.',
    schema: dataSchema({ dealId: id, contactId: id }),
  }),
  defineEvent({
    type: 'DealCompanyAssociated',
    schemaVersion: 1,
    description: 'A deal got its (one) company, replacing the previous one if any.',
    schema: dataSchema({ dealId: id, companyId: id, previousCompanyId: optionalId }),
  }),
  defineEvent({
    type: 'DealPropertiesChanged',
    schemaVersion: 1,
    description: "A deal's custom properties changed; only values that changed are listed (null: cleared).",
    schema: dataSchema({ dealId: id, changes: propertyChangesSchema(customPropertyNameSchema(DEAL_RESERVED_PROPERTY_NAMES)) }),
  }),
];
