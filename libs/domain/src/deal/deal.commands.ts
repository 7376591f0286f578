import type { Command, PropertyValues } from '../shared/index.js';
import type { Pipeline } from '../pipeline/index.js';
import type { BillingPeriod, RevenueType } from './deal.events.js';

// Commands that need stages carry the deal's pipeline, read by the handler (see requirePipeline).
export type CreateDeal = Command<
  'CreateDeal',
  Readonly<{
    dealId: string;
    name: string;
    pipeline: Pipeline;
    /** Omitted: the pipeline's first open stage. */
    stageId?: string;
    /** A decimal string or a number, in the currency's digits at most; stored as the canonical string. */
    amount: string | number;
    currency: string;
    /** Default 'one-off'. */
    revenueType?: RevenueType;
    /** Recurring only; default 'month'. */
    billingPeriod?: BillingPeriod | null;
    /** Integer 1..120, default 12. */
    contractTermMonths?: number;
    /** The earlier deal this recurring deal renews; never the deal itself. */
    renewsDealId?: string | null;
    /** YYYY-MM-DD; omitted: the last day of the month of metadata.occurredAt ?? metadata.now. */
    closeDate?: string;
    ownerId?: string;
    contactIds?: readonly string[];
    /** The primary company. */
    companyId?: string;
    /** The other companies; the primary is left out if listed. */
    companyIds?: readonly string[];
    /** Custom properties; nulls are left out. */
    properties?: PropertyValues;
    /** Required when stageId is a lost stage. */
    lostReason?: string;
  }>
>;
export type MoveDealToStage = Command<
  'MoveDealToStage',
  Readonly<{ dealId: string; stageId: string; pipeline: Pipeline; lostReason?: string }>
>;
export type ReopenDeal = Command<'ReopenDeal', Readonly<{ dealId: string; stageId: string; pipeline: Pipeline }>>;
export type ChangeDealAmount = Command<'ChangeDealAmount', Readonly<{ dealId: string; amount: string | number; currency: string }>>;
export type ChangeDealCloseDate = Command<'ChangeDealCloseDate', Readonly<{ dealId: string; closeDate: string }>>;
/** ownerId null unassigns. */
export type AssignDealOwner = Command<'AssignDealOwner', Readonly<{ dealId: string; ownerId: string | null }>>;
export type RenameDeal = Command<'RenameDeal', Readonly<{ dealId: string; name: string }>>;
export type AssociateDealContact = Command<'AssociateDealContact', Readonly<{ dealId: string; contactId: string }>>;
export type DissociateDealContact = Command<'DissociateDealContact', Readonly<{ dealId: string; contactId: string }>>;
export type AssociateDealCompany = Command<'AssociateDealCompany', Readonly<{ dealId: string; companyId: string }>>;
/**
 * A PATCH: absent fields stay as they are; amount and currency each default to the current value; billingPeriod
 * defaults to the current one (or 'month') when the deal becomes or stays recurring, and must be absent or null for
 * a one-off deal.
 */
export type UpdateDeal = Command<
  'UpdateDeal',
  Readonly<{
    dealId: string;
    name?: string;
    amount?: string | number;
    currency?: string;
    revenueType?: RevenueType;
    billingPeriod?: BillingPeriod | null;
    /** Integer 1..120. */
    contractTermMonths?: number;
    closeDate?: string;
    ownerId?: string | null;
  }>
>;

/** properties: only the ones to set; null clears one. */
export type ChangeDealProperties = Command<'ChangeDealProperties', Readonly<{ dealId: string; properties: PropertyValues }>>;

export type DealCommand =
  | CreateDeal
  | MoveDealToStage
  | ReopenDeal
  | ChangeDealAmount
  | ChangeDealCloseDate
  | AssignDealOwner
  | RenameDeal
  | AssociateDealContact
  | DissociateDealContact
  | AssociateDealCompany
  | UpdateDeal
  | ChangeDealProperties;
