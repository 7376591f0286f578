import { specifyStoredShapes, type StoredExamples } from '../shared/stored-shapes.spec-helper.js';
import { engagementPlaybookRunEventDefinitions, type PlaybookRunRecorded } from './index.js';

const examples: StoredExamples<PlaybookRunRecorded> = {
  PlaybookRunRecorded: {
    engagementId: '9a4c7e10-2b3d-4c5e-8f60-7a1b2c3d4e5f',
    runId: '1b2c3d4e-5f60-4a1b-8c2d-3e4f5a6b7c8d',
    playbookId: '7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6',
    playbookVersion: 2,
    playbookName: 'Discovery call',
    team: 'sales',
    contactId: 'c-1',
    answers: [
      { questionId: 'budget', question: 'What budget do you have?', type: 'number', value: 50000, mapsTo: 'budget' },
      { questionId: 'notes', question: 'Anything else?', type: 'text', value: 'Wants SSO', mapsTo: null },
    ],
  },
};

specifyStoredShapes('engagement playbook run event catalog', engagementPlaybookRunEventDefinitions, examples);
