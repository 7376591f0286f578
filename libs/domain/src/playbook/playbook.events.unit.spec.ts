import { specifyStoredShapes, type StoredExamples } from '../shared/stored-shapes.spec-helper.js';
import { playbookEventDefinitions, type PlaybookEvent } from './index.js';

const playbookId = '7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';
const questions = [
  { id: 'budget', text: 'What budget do you have?', type: 'number', options: [], required: true, mapsTo: 'budget' },
  { id: 'horizon', text: 'When do you buy?', type: 'choice', options: ['now', 'later'], required: false, mapsTo: null },
] as const;
const examples: StoredExamples<PlaybookEvent> = {
  PlaybookCreated: { playbookId, version: 1, name: 'Discovery call', team: 'sales', questions },
  PlaybookRevised: { playbookId, version: 2, name: 'Discovery call v2', team: 'sales', questions: [questions[0]] },
  PlaybookArchived: { playbookId, team: 'sales' },
};

specifyStoredShapes('playbook event catalog', playbookEventDefinitions, examples);
