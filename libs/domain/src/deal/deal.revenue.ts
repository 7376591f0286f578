// A deal's recurring revenue, derived, never stored in events: for a recurring deal the amount is the contract's
// value over its whole term, so MRR spreads it over the term's months (the one rounding step, half to even in the
// currency's digits) and ARR is twelve of those. A one-off deal has neither.
import { scaleAmount } from '../shared/index.js';
import type { DealCreated } from './deal.events.js';

export type DealRevenueTerms = Pick<DealCreated['data'], 'amount' | 'currency' | 'revenueType' | 'contractTermMonths'>;

/** amount / contractTermMonths for a recurring deal; null for a one-off one. */
export const dealMrr = (deal: DealRevenueTerms): string | null =>
  deal.revenueType === 'recurring' ? scaleAmount(deal.amount, deal.currency, '1', deal.contractTermMonths) : null;

/** MRR × 12, in the currency's digits; null without an MRR. */
export const dealArr = (mrr: string | null, currency: string): string | null => (mrr === null ? null : scaleAmount(mrr, currency, '12'));
