import { specifyStoredShapes, type StoredExamples } from '../shared/stored-shapes.spec-helper.js';
import { companyEventDefinitions, type CompanyEvent } from './index.js';

const examples: StoredExamples<CompanyEvent> = {
  CompanyCreated: { companyId: 'co1', name: 'Acme', domain: 'acme.com', industry: 'Manufacturing', employees: 250, country: 'DE' },
  CompanyUpdated: {
    companyId: 'co1',
    changes: [
      { field: 'domain', previous: 'acme.com', value: null },
      { field: 'employees', previous: 250, value: 300 },
    ],
  },
};

specifyStoredShapes('company event catalog', companyEventDefinitions, examples);
