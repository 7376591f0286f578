import { specifyStoredShapes, type StoredExamples } from '../shared/stored-shapes.spec-helper.js';
import { goalEventDefinitions, type GoalEvent } from './index.js';

const examples: StoredExamples<GoalEvent> = {
  GoalSet: { goalId: 'g1', ownerId: 'o1', team: null, period: '2026-Q4', metric: 'won-amount', currency: 'USD', target: '10000.00' },
  GoalTargetChanged: { goalId: 'g1', previous: '10000.00', target: '12000.50' },
  GoalRemoved: { goalId: 'g1' },
};

specifyStoredShapes('goal event catalog', goalEventDefinitions, examples);
