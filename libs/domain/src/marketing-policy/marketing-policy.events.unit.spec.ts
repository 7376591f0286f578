import { specifyStoredShapes, type StoredExamples } from '../shared/stored-shapes.spec-helper.js';
import { DEFAULT_MARKETING_POLICY, marketingPolicyEventDefinitions, type MarketingPolicyEvent } from './index.js';

const examples: StoredExamples<MarketingPolicyEvent> = {
  MarketingPolicyChanged: {
    previous: DEFAULT_MARKETING_POLICY,
    policy: { ...DEFAULT_MARKETING_POLICY, import: 'marketing' },
    reason: 'imported lists are opted in',
  },
};

specifyStoredShapes('marketing policy event catalog', marketingPolicyEventDefinitions, examples);
