import { specifyStoredShapes, type StoredExamples } from '../shared/stored-shapes.spec-helper.js';
import { uniqueValueEventDefinitions, type UniqueValueEvent } from './index.js';

const examples: StoredExamples<UniqueValueEvent> = {
  UniqueValueClaimed: { kind: 'contact-email', value: 'ada@example.com', ownerId: 'c1' },
  UniqueValueReleased: { kind: 'company-domain', value: 'acme.com', ownerId: 'co1' },
};

specifyStoredShapes('unique value event catalog', uniqueValueEventDefinitions, examples);
