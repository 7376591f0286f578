import type { Command } from '../shared/index.js';
import type { MarketingPolicy } from './marketing-policy.events.js';

/** policy: only the sources to change; the others keep their status. */
export type ChangeMarketingPolicy = Command<
  'ChangeMarketingPolicy',
  Readonly<{ policy: Partial<MarketingPolicy>; reason?: string }>
>;

export type MarketingPolicyCommand = ChangeMarketingPolicy;
