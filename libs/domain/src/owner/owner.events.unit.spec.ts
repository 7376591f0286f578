import { specifyStoredShapes } from '../shared/stored-shapes.spec-helper.js';
import { ownerEventDefinitions, type OwnerEvent } from './index.js';

const examples: { [T in OwnerEvent['type']]: Extract<OwnerEvent, { type: T }>['data'] } = {
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
