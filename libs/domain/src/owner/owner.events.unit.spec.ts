import { specifyStoredShapes, type StoredExamples } from '../shared/stored-shapes.spec-helper.js';
import { ownerEventDefinitions, type OwnerEvent } from './index.js';

const examples: StoredExamples<OwnerEvent> = {
  OwnerCreated: { ownerId: 'o1', name: 'Ada Lovelace', email: 'ada@example.com', team: 'EMEA', role: 'sales' },
  OwnerUpdated: {
    ownerId: 'o1',
    changes: [
      { field: 'team', previous: 'EMEA', value: null },
      { field: 'role', previous: 'sales', value: 'service' },
    ],
  },
};

specifyStoredShapes('owner event catalog', ownerEventDefinitions, examples);
