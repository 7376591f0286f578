import { specifyStoredShapes, type StoredExamples } from '../shared/stored-shapes.spec-helper.js';
import { surveyEventDefinitions, type SurveyEvent, type SurveyLinkEvent } from './index.js';

const examples: StoredExamples<SurveyEvent | SurveyLinkEvent> = {
  SurveyCreated: { surveyId: 's1', type: 'nps', name: 'Q4 NPS', question: 'How likely are you to recommend us to a friend or colleague?' },
  SurveyLinkIssued: { linkId: 'l1', surveyId: 's1', surveyType: 'nps', contactId: 'c1', ticketId: null },
  SurveyResponded: { linkId: 'l1', surveyId: 's1', surveyType: 'nps', contactId: 'c1', ticketId: 't1', score: 3, category: 'detractor', comment: 'Too slow' },
};

specifyStoredShapes('survey event catalog', surveyEventDefinitions, examples);
