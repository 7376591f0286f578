import { specifyStoredShapes, type StoredExamples } from '../shared/stored-shapes.spec-helper.js';
import { formEventDefinitions, type FormEvent } from './index.js';

const definition = {
  name: 'Demo request',
  fields: [
    { name: 'email', type: 'email', label: 'Email', required: true, validation: { maxLength: null, pattern: null, options: null }, mapsTo: 'email' },
    { name: 'size', type: 'select', label: 'Team size', required: false, validation: { maxLength: null, pattern: null, options: ['1-10', '11-50'] }, mapsTo: 'property.team_size' },
    { name: 'code', type: 'text', label: 'Code', required: false, validation: { maxLength: 8, pattern: '[A-Z]+', options: null }, mapsTo: null },
    { name: 'news', type: 'consent', label: 'Send me news', required: false, validation: { maxLength: null, pattern: null, options: null }, mapsTo: null },
  ],
  settings: {
    submitText: 'Send',
    thankYouMessage: 'Thanks!',
    redirectUrl: 'https://shop.test/thanks',
    allowedOrigins: ['https://shop.test'],
    consentPolicy: 'consent',
  },
} as const;

const examples: StoredExamples<FormEvent> = {
  FormCreated: { formId: 'f1', ...definition },
  FormUpdated: { formId: 'f1', version: 2, ...definition, name: 'Demo' },
};

specifyStoredShapes('form event catalog', formEventDefinitions, examples);
