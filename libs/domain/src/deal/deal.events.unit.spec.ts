// Stored shapes are permanent: each example must satisfy its JSON Schema, and the snapshot makes a change visible.
import { eventSchemaAjv as ajv, specifyEventDefinitions, type StoredExamples } from '../shared/stored-shapes.spec-helper.js';
import { dealEventDefinitions, type DealEvent } from './deal.events.js';

const dealId = '0b7f2c1e-4d0a-4a6e-9f4e-2d6b1c9e8a11';
const pipelineId = 'default';
const examples: StoredExamples<DealEvent> = {
  DealCreated: {
    dealId,
    name: 'Acme renewal',
    pipelineId,
    stageId: 'appointmentscheduled',
    amount: 12000.5,
    currency: 'EUR',
    contractTermMonths: 12,
    closeDate: '2024-03-31',
    ownerId: 'o-1',
    contactIds: ['c-1', 'c-2'],
    companyId: null,
  },
  DealStageChanged: { dealId, pipelineId, fromStageId: 'appointmentscheduled', toStageId: 'closedwon' },
  DealWon: { dealId, pipelineId, stageId: 'closedwon', amount: 12000.5, currency: 'EUR', ownerId: null },
  DealLost: { dealId, pipelineId, stageId: 'closedlost', reason: 'Chose a competitor' },
  DealReopened: { dealId, pipelineId, fromStageId: 'closedlost', toStageId: 'contractsent' },
  DealAmountChanged: { dealId, previous: { amount: 12000.5, currency: 'EUR' }, amount: 0.29, currency: 'USD' },
  DealCloseDateChanged: { dealId, previous: '2024-03-31', closeDate: '2024-04-30' },
  DealOwnerAssigned: { dealId, previous: null, ownerId: 'o-2' },
  DealRenamed: { dealId, previous: 'Acme renewal', name: 'Acme 2025' },
  DealContractTermChanged: { dealId, previous: 12, contractTermMonths: 24 },
  DealContactAssociated: { dealId, contactId: 'c-3' },
  DealContactDissociated: { dealId, contactId: 'c-1' },
  DealCompanyAssociated: { dealId, companyId: 'co-2', previousCompanyId: 'co-1' },
};

const schemaOf = (type: DealEvent['type']) => dealEventDefinitions.find((definition) => definition.type === type)?.schema ?? {};

specifyEventDefinitions('deal', dealEventDefinitions, examples, () => {
  it('rejects data with an unknown property or a lower-case currency', () => {
    expect(ajv.validate(schemaOf('DealContactAssociated'), { ...examples.DealContactAssociated, extra: 1 })).toBe(false);
    expect(ajv.validate(schemaOf('DealWon'), { ...examples.DealWon, currency: 'eur' })).toBe(false);
  });
});
