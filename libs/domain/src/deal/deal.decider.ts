// Deals move through the stages of one deal pipeline. Entering a won or lost stage closes the deal; a closed deal
// moves again only after ReopenDeal, so every win or loss is one explicit fact.
import {
  alreadyExists,
  assertNever,
  CALENDAR_DATE_RULE,
  checkAmount,
  checkedPropertyNames,
  CURRENCY_RULE,
  isCalendarDate,
  isCurrencyCode,
  notFound,
  propertyChanges,
  requiredText,
  ruleViolated,
  withoutNullValues,
  withPropertyChanges,
  type CommandMetadata,
  type Decider,
  type PropertyValues,
} from '../shared/index.js';
import { requireEnterableStage, requirePipelineFor, startingStage, type PipelineStage } from '../pipeline/index.js';
import type { DealCommand } from './deal.commands.js';
import {
  BILLING_PERIODS,
  DEAL_RESERVED_PROPERTY_NAMES,
  REVENUE_TYPES,
  type BillingPeriod,
  type DealCreated,
  type DealEvent,
  type RevenueType,
} from './deal.events.js';

export type DealOutcome = 'open' | 'won' | 'lost';

// A deal is what DealCreated recorded, as later events changed it, plus where it stands.
export type Deal = Readonly<DealCreated['data'] & { outcome: DealOutcome }>;

/** null until DealCreated. */
export type DealState = Deal | null;

export const DEFAULT_CONTRACT_TERM_MONTHS = 12;
const MAX_CONTRACT_TERM_MONTHS = 120;

/** A rule broken by one field, named as the edge's 400s name theirs. */
const fieldRule = (rule: string, field: string, must: string, value: unknown) =>
  ruleViolated(rule, `${field} must be ${must}`, { [field]: value, fields: [{ field, reason: must }] });

/** The amount in its currency's canonical form (JPY "150000", BHD "1.250"); 1.5 JPY or 1.2345 BHD is refused. */
const checkedMoney = (amount: unknown, currency: string): string => {
  if (!isCurrencyCode(currency)) throw fieldRule('invalid-currency', 'currency', CURRENCY_RULE, currency);
  const checked = checkAmount(amount, currency);
  if (!checked.ok) throw fieldRule('invalid-amount', 'amount', checked.rule, amount);
  return checked.amount;
};

type RevenueTerms = Readonly<{ revenueType: RevenueType; billingPeriod: BillingPeriod | null }>;

/**
 * A one-off deal has no billing period; a recurring one has one, `fallback` (its current one) or 'month' when not
 * given. Null for a recurring deal is refused rather than defaulted: the client said "none", which is one-off.
 */
const revenueTerms = (revenueType: unknown, billingPeriod: unknown, fallback: BillingPeriod | null): RevenueTerms => {
  if (!REVENUE_TYPES.includes(revenueType as RevenueType))
    throw fieldRule('invalid-revenue-type', 'revenueType', `one of ${REVENUE_TYPES.join(', ')}`, revenueType);
  if (revenueType === 'one-off') {
    if (billingPeriod !== undefined && billingPeriod !== null)
      throw fieldRule('billing-period-one-off', 'billingPeriod', 'absent or null for a one-off deal (only recurring deals are billed)', billingPeriod);
    return { revenueType, billingPeriod: null };
  }
  const period = billingPeriod === undefined ? (fallback ?? 'month') : billingPeriod;
  if (!BILLING_PERIODS.includes(period as BillingPeriod))
    throw fieldRule('invalid-billing-period', 'billingPeriod', `one of ${BILLING_PERIODS.join(', ')} for a recurring deal`, billingPeriod);
  return { revenueType: 'recurring', billingPeriod: period as BillingPeriod };
};

// A renewal replaces a recurring contract's MRR, so it is itself recurring, and another deal.
const assertRenewal = (dealId: string, renewsDealId: string | null, revenueType: RevenueType): void => {
  if (renewsDealId === null) return;
  if (renewsDealId === dealId) throw fieldRule('renews-itself', 'renewsDealId', 'another deal than this one', renewsDealId);
  if (revenueType !== 'recurring')
    throw fieldRule('renewal-not-recurring', 'revenueType', "'recurring' for a deal that renews another", revenueType);
};

const assertCalendarDate = (closeDate: string): void => {
  if (!isCalendarDate(closeDate)) throw ruleViolated('invalid-close-date', `closeDate is ${CALENDAR_DATE_RULE}`, { closeDate });
};

// The calendar month as written in the timestamp (its own offset), so a deal created at 23:30 local time on the
// 31st still defaults to that month.
const endOfMonth = (timestamp: string): string => {
  const year = Number(timestamp.slice(0, 4));
  const month = Number(timestamp.slice(5, 7));
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${timestamp.slice(0, 7)}-${String(lastDay).padStart(2, '0')}`;
};

const defaultCloseDate = (metadata: CommandMetadata): string => endOfMonth(metadata.occurredAt ?? metadata.now);

const assertContractTerm = (months: number): void => {
  if (!Number.isInteger(months) || months < 1 || months > MAX_CONTRACT_TERM_MONTHS)
    throw fieldRule('invalid-contract-term', 'contractTermMonths', `a whole number from 1 to ${MAX_CONTRACT_TERM_MONTHS}`, months);
};

const checkedProperties = (properties: PropertyValues): PropertyValues => checkedPropertyNames(properties, DEAL_RESERVED_PROPERTY_NAMES, 'deal');

const requireDeal = (state: DealState, dealId: string): Deal => {
  if (state === null) throw notFound('deal', dealId);
  return state;
};

// What entering a stage means beyond the move: a won stage records the win, a lost stage the loss and its reason.
const outcomeEvents = (
  deal: Pick<Deal, 'dealId' | 'pipelineId' | 'amount' | 'currency' | 'ownerId'>,
  stage: PipelineStage,
  lostReason: string | undefined,
): readonly DealEvent[] => {
  const { dealId, pipelineId } = deal;
  switch (stage.closed) {
    case null:
      return [];
    case 'won':
      return [{ type: 'DealWon', data: { dealId, pipelineId, stageId: stage.id, amount: deal.amount, currency: deal.currency, ownerId: deal.ownerId } }];
    case 'lost': {
      const reason = typeof lostReason === 'string' ? lostReason.trim() : '';
      if (reason === '') throw ruleViolated('lost-reason-required', 'a lost deal needs a reason', { stageId: stage.id });
      return [{ type: 'DealLost', data: { dealId, pipelineId, stageId: stage.id, reason } }];
    }
    default:
      return assertNever(stage.closed);
  }
};

const renamed = (deal: Deal, name: string): readonly DealEvent[] => {
  const trimmed = requiredText(name, 'deal-name-required', 'a deal name');
  return trimmed === deal.name ? [] : [{ type: 'DealRenamed', data: { dealId: deal.dealId, previous: deal.name, name: trimmed } }];
};

const amountChanged = (deal: Deal, requested: unknown, currency: string): readonly DealEvent[] => {
  const amount = checkedMoney(requested, currency);
  if (amount === deal.amount && currency === deal.currency) return [];
  return [
    { type: 'DealAmountChanged', data: { dealId: deal.dealId, previous: { amount: deal.amount, currency: deal.currency }, amount, currency } },
  ];
};

const closeDateChanged = (deal: Deal, closeDate: string): readonly DealEvent[] => {
  assertCalendarDate(closeDate);
  return closeDate === deal.closeDate ? [] : [{ type: 'DealCloseDateChanged', data: { dealId: deal.dealId, previous: deal.closeDate, closeDate } }];
};

const contractTermChanged = (deal: Deal, contractTermMonths: number): readonly DealEvent[] => {
  assertContractTerm(contractTermMonths);
  return contractTermMonths === deal.contractTermMonths
    ? []
    : [{ type: 'DealContractTermChanged', data: { dealId: deal.dealId, previous: deal.contractTermMonths, contractTermMonths } }];
};

const revenueTypeChanged = (deal: Deal, revenueType: unknown, billingPeriod: unknown): readonly DealEvent[] => {
  const terms = revenueTerms(revenueType, billingPeriod, deal.billingPeriod);
  assertRenewal(deal.dealId, deal.renewsDealId, terms.revenueType);
  if (terms.revenueType === deal.revenueType && terms.billingPeriod === deal.billingPeriod) return [];
  const previous = { revenueType: deal.revenueType, billingPeriod: deal.billingPeriod };
  return [{ type: 'DealRevenueTypeChanged', data: { dealId: deal.dealId, previous, ...terms } }];
};

const ownerAssigned = (deal: Deal, ownerId: string | null): readonly DealEvent[] =>
  ownerId === deal.ownerId ? [] : [{ type: 'DealOwnerAssigned', data: { dealId: deal.dealId, previous: deal.ownerId, ownerId } }];

const decide = (command: DealCommand, state: DealState): readonly DealEvent[] => {
  switch (command.type) {
    case 'CreateDeal': {
      const { dealId, pipeline, amount, currency } = command.data;
      if (state !== null) throw alreadyExists('deal', { dealId });
      requirePipelineFor(pipeline, 'deal');
      const name = requiredText(command.data.name, 'deal-name-required', 'a deal name');
      const stage = startingStage(pipeline, command.data.stageId);
      const checkedAmount = checkedMoney(amount, currency);
      const terms = revenueTerms(command.data.revenueType ?? 'one-off', command.data.billingPeriod, null);
      const renewsDealId = command.data.renewsDealId ?? null;
      assertRenewal(dealId, renewsDealId, terms.revenueType);
      const contractTermMonths = command.data.contractTermMonths ?? DEFAULT_CONTRACT_TERM_MONTHS;
      assertContractTerm(contractTermMonths);
      const closeDate = command.data.closeDate ?? defaultCloseDate(command.metadata);
      assertCalendarDate(closeDate);
      const companyId = command.data.companyId ?? null;
      const data = {
        dealId,
        name,
        pipelineId: pipeline.pipelineId,
        stageId: stage.id,
        amount: checkedAmount,
        currency,
        ...terms,
        contractTermMonths,
        closeDate,
        ownerId: command.data.ownerId ?? null,
        contactIds: [...new Set(command.data.contactIds ?? [])],
        companyId,
        companyIds: [...new Set(command.data.companyIds ?? [])].filter((other) => other !== companyId),
        properties: withoutNullValues(checkedProperties(command.data.properties ?? {})),
        renewsDealId,
      };
      return [{ type: 'DealCreated', data }, ...outcomeEvents(data, stage, command.data.lostReason)];
    }
    case 'MoveDealToStage': {
      const deal = requireDeal(state, command.data.dealId);
      if (command.data.stageId === deal.stageId) return [];
      if (deal.outcome !== 'open')
        throw ruleViolated('deal-closed', `deal ${deal.dealId} is ${deal.outcome}: reopen it first`, { outcome: deal.outcome });
      const stage = requireEnterableStage(command.data.pipeline, deal.pipelineId, command.data.stageId);
      return [
        { type: 'DealStageChanged', data: { dealId: deal.dealId, pipelineId: deal.pipelineId, fromStageId: deal.stageId, toStageId: stage.id } },
        ...outcomeEvents(deal, stage, command.data.lostReason),
      ];
    }
    case 'ReopenDeal': {
      const deal = requireDeal(state, command.data.dealId);
      if (deal.outcome === 'open') throw ruleViolated('deal-not-closed', `deal ${deal.dealId} is open`);
      const stage = requireEnterableStage(command.data.pipeline, deal.pipelineId, command.data.stageId);
      if (stage.closed !== null) throw ruleViolated('reopen-stage-not-open', `stage ${stage.id} is a closed stage`, { stageId: stage.id });
      return [{ type: 'DealReopened', data: { dealId: deal.dealId, pipelineId: deal.pipelineId, fromStageId: deal.stageId, toStageId: stage.id } }];
    }
    case 'ChangeDealAmount':
      return amountChanged(requireDeal(state, command.data.dealId), command.data.amount, command.data.currency);
    case 'ChangeDealCloseDate':
      return closeDateChanged(requireDeal(state, command.data.dealId), command.data.closeDate);
    case 'AssignDealOwner':
      return ownerAssigned(requireDeal(state, command.data.dealId), command.data.ownerId);
    case 'RenameDeal':
      return renamed(requireDeal(state, command.data.dealId), command.data.name);
    case 'AssociateDealContact': {
      const deal = requireDeal(state, command.data.dealId);
      const { contactId } = command.data;
      return deal.contactIds.includes(contactId) ? [] : [{ type: 'DealContactAssociated', data: { dealId: deal.dealId, contactId } }];
    }
    case 'DissociateDealContact': {
      const deal = requireDeal(state, command.data.dealId);
      const { contactId } = command.data;
      return deal.contactIds.includes(contactId) ? [{ type: 'DealContactDissociated', data: { dealId: deal.dealId, contactId } }] : [];
    }
    case 'AssociateDealCompany': {
      const deal = requireDeal(state, command.data.dealId);
      const { companyId } = command.data;
      if (companyId === deal.companyId) return [];
      return [{ type: 'DealCompanyAssociated', data: { dealId: deal.dealId, companyId, previousCompanyId: deal.companyId } }];
    }
    case 'UpdateDeal': {
      const deal = requireDeal(state, command.data.dealId);
      const { name, amount, currency, revenueType, billingPeriod, contractTermMonths, closeDate, ownerId } = command.data;
      // Every change is validated before any event is returned: the PATCH applies whole or not at all.
      return [
        ...(name === undefined ? [] : renamed(deal, name)),
        ...(amount === undefined && currency === undefined ? [] : amountChanged(deal, amount ?? deal.amount, currency ?? deal.currency)),
        ...(revenueType === undefined && billingPeriod === undefined ? [] : revenueTypeChanged(deal, revenueType ?? deal.revenueType, billingPeriod)),
        ...(contractTermMonths === undefined ? [] : contractTermChanged(deal, contractTermMonths)),
        ...(closeDate === undefined ? [] : closeDateChanged(deal, closeDate)),
        ...(ownerId === undefined ? [] : ownerAssigned(deal, ownerId)),
      ];
    }
    case 'ChangeDealProperties': {
      const deal = requireDeal(state, command.data.dealId);
      const changes = propertyChanges(deal.properties, checkedProperties(command.data.properties));
      return changes.length === 0 ? [] : [{ type: 'DealPropertiesChanged', data: { dealId: deal.dealId, changes } }];
    }
    default:
      return assertNever(command);
  }
};

const evolve = (state: DealState, event: DealEvent): DealState => {
  if (event.type === 'DealCreated') return { ...event.data, outcome: 'open' };
  if (state === null) return state;
  switch (event.type) {
    case 'DealStageChanged':
      return { ...state, stageId: event.data.toStageId };
    case 'DealWon':
      return { ...state, outcome: 'won' };
    case 'DealLost':
      return { ...state, outcome: 'lost' };
    case 'DealReopened':
      return { ...state, stageId: event.data.toStageId, outcome: 'open' };
    case 'DealAmountChanged':
      return { ...state, amount: event.data.amount, currency: event.data.currency };
    case 'DealCloseDateChanged':
      return { ...state, closeDate: event.data.closeDate };
    case 'DealOwnerAssigned':
      return { ...state, ownerId: event.data.ownerId };
    case 'DealRenamed':
      return { ...state, name: event.data.name };
    case 'DealContractTermChanged':
      return { ...state, contractTermMonths: event.data.contractTermMonths };
    case 'DealRevenueTypeChanged':
      return { ...state, revenueType: event.data.revenueType, billingPeriod: event.data.billingPeriod };
    case 'DealContactAssociated':
      return { ...state, contactIds: [...state.contactIds, event.data.contactId] };
    case 'DealContactDissociated':
      return { ...state, contactIds: state.contactIds.filter((contactId) => contactId !== event.data.contactId) };
    case 'DealCompanyAssociated':
      return { ...state, companyId: event.data.companyId };
    case 'DealPropertiesChanged':
      return { ...state, properties: withPropertyChanges(state.properties, event.data.changes) };
    default:
      return assertNever(event);
  }
};

export const dealDecider: Decider<DealCommand, DealEvent, DealState> = {
  decide,
  evolve,
  initialState: () => null,
};
