import { specifyStoredShapes, type StoredExamples } from '../shared/stored-shapes.spec-helper.js';
import { projectionOperationsEventDefinitions, type ProjectionOperationsEvent } from './index.js';

const examples: StoredExamples<ProjectionOperationsEvent> = {
  ProjectionEventSkipped: { projection: 'pipeline-health', buildVersion: 3, eventId: '0b6e4f4e-3c1a-4d9e-9a57-0f3f1e0c2d11', position: '42', reason: 'amount beyond any column' },
};

specifyStoredShapes('projection operations event catalog', projectionOperationsEventDefinitions, examples);
