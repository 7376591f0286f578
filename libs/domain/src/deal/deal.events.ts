// Deal events. Amounts are decimal strings with their ISO 4217 currency's minor-unit digits (money.ts); MRR
// (a recurring deal's amount / contractTermMonths) is derived by readers, never stored. Stored numbers of older
// versions are lifted to strings by the upcasters below.
import {
  amountFromLegacyNumber,
  customPropertyNameSchema,
  defineEvent,
  type DomainEvent,
  type EventDefinition,
  type JsonSchema,
  type PropertyChange,
  type PropertyValues,
  type Upcaster,
  dataSchema,
  propertiesSchema,
  propertyChangesSchema,
  strictObject,
  idSchema as id,
  optionalIdSchema as optionalId,
  textSchema as text,
} from '../shared/index.js';

export const dealStream = (dealId: string): string => `deal-${dealId}`;

/** One-off: a single sale. Recurring: a contract whose amount is its value over the whole term. */
export type RevenueType = 'one-off' | 'recurring';
export const REVENUE_TYPES: readonly RevenueType[] = ['one-off', 'recurring'];
/** How a recurring deal is invoiced; null for a one-off deal. */
export type BillingPeriod = 'month' | 'quarter' | 'year';
export const BILLING_PERIODS: readonly BillingPeriod[] = ['month', 'quarter', 'year'];

export type DealCreated = DomainEvent<
  'DealCreated',
  Readonly<{
    dealId: string;
    name: string;
    pipelineId: string;
    stageId: string;
    /** Decimal string in the currency's digits; for a recurring deal, the value over the whole term. */
    amount: string;
    currency: string;
    revenueType: RevenueType;
    /** null iff one-off. */
    billingPeriod: BillingPeriod | null;
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
    /** The earlier recurring deal this one renews, or null. */
    renewsDealId: string | null;
  }>
>;
export type DealStageChanged = DomainEvent<
  'DealStageChanged',
  Readonly<{ dealId: string; pipelineId: string; fromStageId: string; toStageId: string }>
>;
/** Follows DealStageChanged (or DealCreated) into a won stage. */
export type DealWon = DomainEvent<
  'DealWon',
  Readonly<{ dealId: string; pipelineId: string; stageId: string; amount: string; currency: string; ownerId: string | null }>
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
  Readonly<{ dealId: string; previous: Readonly<{ amount: string; currency: string }>; amount: string; currency: string }>
>;
export type DealCloseDateChanged = DomainEvent<'DealCloseDateChanged', Readonly<{ dealId: string; previous: string; closeDate: string }>>;
/** ownerId null: unassigned. */
export type DealOwnerAssigned = DomainEvent<'DealOwnerAssigned', Readonly<{ dealId: string; previous: string | null; ownerId: string | null }>>;
export type DealContractTermChanged = DomainEvent<
  'DealContractTermChanged',
  Readonly<{ dealId: string; previous: number; contractTermMonths: number }>
>;
export type DealRevenueTypeChanged = DomainEvent<
  'DealRevenueTypeChanged',
  Readonly<{
    dealId: string;
    previous: Readonly<{ revenueType: RevenueType; billingPeriod: BillingPeriod | null }>;
    revenueType: RevenueType;
    billingPeriod: BillingPeriod | null;
  }>
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
  | DealRevenueTypeChanged
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
  'revenueType',
  'billingPeriod',
  'renewsDealId',
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

// A stored number becomes its exact string; a string already there (data written in the newer shape under an older
// version number) is kept, so a mislabelled event still reads instead of stopping every reader.
const legacyAmount = (data: Readonly<Record<string, unknown>>): unknown =>
  typeof data.amount === 'number' ? amountFromLegacyNumber(data.amount, data.currency as string) : data.amount;

/** DealCreated v2 had a number amount and no revenue terms: every deal before them was a one-off sale. */
export const dealCreatedV2ToV3: Upcaster = {
  fromVersion: 2,
  upcast: (data) => ({ revenueType: 'one-off', billingPeriod: null, renewsDealId: null, ...data, amount: legacyAmount(data) }),
};

/** DealWon v1 had a number amount. */
export const dealWonV1ToV2: Upcaster = {
  fromVersion: 1,
  upcast: (data) => ({ ...data, amount: legacyAmount(data) }),
};

/** DealAmountChanged v1 had number amounts, each in its own currency. */
export const dealAmountChangedV1ToV2: Upcaster = {
  fromVersion: 1,
  upcast: (data) => {
    const previous = data.previous as Readonly<Record<string, unknown>>;
    return { ...data, previous: { ...previous, amount: legacyAmount(previous) }, amount: legacyAmount(data) };
  },
};

// A decimal string (the `money` format, schema-formats.ts); that it has its currency's digits is the deciders' rule,
// which a schema cannot state across two fields. Bounds: what the read models' numeric columns hold.
const amount: JsonSchema = { type: 'string', pattern: '^(0|[1-9]\\d{0,11})(\\.\\d{1,3})?$', format: 'money' };
const revenueType: JsonSchema = { type: 'string', enum: REVENUE_TYPES };
const billingPeriod: JsonSchema = { type: ['string', 'null'], enum: [...BILLING_PERIODS, null] };
const currency: JsonSchema = { type: 'string', pattern: '^[A-Z]{3}$', format: 'currency' };
const contractTermMonths: JsonSchema = { type: 'integer', minimum: 1, maximum: 120 };
const date: JsonSchema = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date' };

const ids: JsonSchema = { type: 'array', items: id, uniqueItems: true };

const stageChange = dataSchema({ dealId: id, pipelineId: id, fromStageId: id, toStageId: id });

export const dealEventDefinitions: readonly EventDefinition[] = [
  defineEvent({
    type: 'DealCreated',
    schemaVersion: 3,
    description:
      'A deal was created in a stage of a deal pipeline; companyId is the primary company, companyIds the others. amount is a decimal string; ' +
      'a recurring deal has a billingPeriod (null for one-off) and its amount is the value over contractTermMonths; renewsDealId names the deal it renews.',
    schema: dataSchema({
      dealId: id,
      name: text,
      pipelineId: id,
      stageId: id,
      amount,
      currency,
      revenueType,
      billingPeriod,
      contractTermMonths,
      closeDate: date,
      ownerId: optionalId,
      contactIds: ids,
      companyId: optionalId,
      companyIds: ids,
      properties: propertiesSchema(DEAL_RESERVED_PROPERTY_NAMES),
      renewsDealId: optionalId,
    }),
    upcasters: [dealCreatedV1ToV2, dealCreatedV2ToV3],
  }),
  defineEvent({ type: 'DealStageChanged', schemaVersion: 1, description: 'A deal moved to another stage of its pipeline.', schema: stageChange }),
  defineEvent({
    type: 'DealWon',
    schemaVersion: 2,
    description: 'A deal entered a won stage; amount (a decimal string) and owner as they were at that moment.',
    schema: dataSchema({ dealId: id, pipelineId: id, stageId: id, amount, currency, ownerId: optionalId }),
    upcasters: [dealWonV1ToV2],
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
    schemaVersion: 2,
    description: 'The amount or currency of a deal changed (amounts are decimal strings).',
    schema: dataSchema({ dealId: id, previous: strictObject({ amount, currency }), amount, currency }),
    upcasters: [dealAmountChangedV1ToV2],
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
    type: 'DealRevenueTypeChanged',
    schemaVersion: 1,
    description: 'A deal became one-off or recurring, or a recurring deal got another billing period (null for one-off).',
    schema: dataSchema({ dealId: id, previous: strictObject({ revenueType, billingPeriod }), revenueType, billingPeriod }),
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
