// Decides changes to the marketing-contact policy. Sources a person adds by hand or by their own mail and
// meetings are locked to non-marketing: nobody opted in to marketing there.
import { assertNever, ruleViolated, type Decider } from '../shared/index.js';
import type { MarketingPolicyCommand } from './marketing-policy.commands.js';
import {
  CONTACT_SOURCES,
  type ContactSource,
  type MarketingPolicy,
  type MarketingPolicyEvent,
  type MarketingStatus,
} from './marketing-policy.events.js';

export const DEFAULT_MARKETING_POLICY: MarketingPolicy = {
  form: 'marketing',
  import: 'non-marketing',
  integration: 'non-marketing',
  conversation: 'non-marketing',
  api: 'non-marketing',
  manual: 'non-marketing',
  mobile: 'non-marketing',
  'email-logging': 'non-marketing',
  meeting: 'non-marketing',
};

export const LOCKED_SOURCES: readonly ContactSource[] = ['manual', 'mobile', 'email-logging', 'meeting'];

// The lock holds whatever policy a caller passes in.
export const marketingStatusFor = (policy: MarketingPolicy, source: ContactSource): MarketingStatus =>
  LOCKED_SOURCES.includes(source) ? DEFAULT_MARKETING_POLICY[source] : policy[source];

export type MarketingPolicyState = Readonly<{ policy: MarketingPolicy }>;

const changePolicy = (
  requested: Partial<MarketingPolicy>,
  reason: string | undefined,
  previous: MarketingPolicy,
): readonly MarketingPolicyEvent[] => {
  const changedSources = CONTACT_SOURCES.filter((source) => {
    const status = requested[source];
    return status !== undefined && status !== previous[source];
  });
  const lockedSource = changedSources.find((source) => LOCKED_SOURCES.includes(source));
  if (lockedSource !== undefined) {
    throw ruleViolated('locked-source', `contacts from ${lockedSource} are always non-marketing`, { source: lockedSource });
  }
  if (changedSources.length === 0) return [];
  const policy = CONTACT_SOURCES.reduce<MarketingPolicy>(
    (next, source) => ({ ...next, [source]: requested[source] ?? previous[source] }),
    previous,
  );
  const trimmedReason = reason?.trim() ?? '';
  return [{ type: 'MarketingPolicyChanged', data: { previous, policy, reason: trimmedReason === '' ? null : trimmedReason } }];
};

export const marketingPolicyDecider: Decider<MarketingPolicyCommand, MarketingPolicyEvent, MarketingPolicyState> = {
  decide: (command, state) => {
    switch (command.type) {
      case 'ChangeMarketingPolicy':
        return changePolicy(command.data.policy, command.data.reason, state.policy);
      default:
        return assertNever(command.type);
    }
  },
  evolve: (_state, event) => {
    switch (event.type) {
      case 'MarketingPolicyChanged':
        return { policy: event.data.policy };
      default:
        return assertNever(event.type);
    }
  },
  initialState: () => ({ policy: DEFAULT_MARKETING_POLICY }),
};
