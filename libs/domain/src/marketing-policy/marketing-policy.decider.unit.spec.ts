import { DeciderSpecification } from '../shared/decider-specification.js';
import {
  DEFAULT_MARKETING_POLICY,
  marketingPolicyDecider,
  marketingStatusFor,
  type ChangeMarketingPolicy,
  type MarketingPolicyChanged,
} from './index.js';

const metadata = { now: '2024-05-01T10:00:00.000Z' };
const given = DeciderSpecification.for(marketingPolicyDecider);

const change = (policy: ChangeMarketingPolicy['data']['policy'], reason?: string): ChangeMarketingPolicy => ({
  type: 'ChangeMarketingPolicy',
  data: reason === undefined ? { policy } : { policy, reason },
  metadata,
});

const importsAreMarketing: MarketingPolicyChanged = {
  type: 'MarketingPolicyChanged',
  data: { previous: DEFAULT_MARKETING_POLICY, policy: { ...DEFAULT_MARKETING_POLICY, import: 'marketing' }, reason: null },
};

describe('marketing policy decider', () => {
  it('starts from the default policy: forms are marketing, everything else is not', () => {
    expect(marketingPolicyDecider.initialState().policy).toEqual({
      form: 'marketing',
      import: 'non-marketing',
      integration: 'non-marketing',
      conversation: 'non-marketing',
      api: 'non-marketing',
      manual: 'non-marketing',
      mobile: 'non-marketing',
      'email-logging': 'non-marketing',
      meeting: 'non-marketing',
    });
  });

  it('records the complete previous and new policy with the reason', () => {
    given([])
      .when(change({ import: 'marketing', form: 'marketing' }, ' opted-in lists '))
      .then([{ ...importsAreMarketing, data: { ...importsAreMarketing.data, reason: 'opted-in lists' } }]);
  });

  it('stores a blank reason as none', () => {
    given([]).when(change({ import: 'marketing' }, '  ')).then([importsAreMarketing]);
  });

  it('changes from the current policy, not the default', () => {
    given([importsAreMarketing])
      .when(change({ api: 'marketing' }))
      .then([
        {
          type: 'MarketingPolicyChanged',
          data: { previous: importsAreMarketing.data.policy, policy: { ...importsAreMarketing.data.policy, api: 'marketing' }, reason: null },
        },
      ]);
  });

  it('records nothing when no source changes', () => {
    given([importsAreMarketing]).when(change({ import: 'marketing', form: 'marketing' })).then([]);
  });

  it.each(['manual', 'mobile', 'email-logging', 'meeting'] as const)('rejects making %s contacts marketing', (source) => {
    given([]).when(change({ [source]: 'marketing' })).thenThrows('RULE_VIOLATED', 'locked-source');
  });

  it('accepts a locked source restated with its locked status', () => {
    given([]).when(change({ manual: 'non-marketing', import: 'marketing' })).then([importsAreMarketing]);
  });
});

describe('marketingStatusFor', () => {
  it('reads the status of a source from the policy', () => {
    expect(marketingStatusFor(DEFAULT_MARKETING_POLICY, 'form')).toBe('marketing');
    expect(marketingStatusFor(importsAreMarketing.data.policy, 'import')).toBe('marketing');
  });

  it('keeps locked sources non-marketing whatever policy it is given', () => {
    expect(marketingStatusFor({ ...DEFAULT_MARKETING_POLICY, meeting: 'marketing' }, 'meeting')).toBe('non-marketing');
  });
});
