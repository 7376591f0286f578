// Stored shapes are permanent: each example must satisfy its JSON Schema, and the snapshot makes a change visible.
import { eventSchemaAjv as ajv, specifyEventDefinitions, type StoredExamples } from '../shared/stored-shapes.spec-helper.js';
import { dealCreatedV1ToV2, dealEventDefinitions, type DealEvent } from './deal.events.js';

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
    companyId: 'co-1',
    companyIds: ['co-2', 'co-3'],
    properties: { advertiserId: 'ADV-1', seats: 12, renewal: true },
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
  DealPropertiesChanged: {
    dealId,
    changes: [
      { property: 'advertiserId', previous: 'ADV-1', value: 'ADV-2' },
      { property: 'seats', previous: 12, value: null },
    ],
  },
};

const schemaOf = (type: DealEvent['type']) => dealEventDefinitions.find((definition) => definition.type === type)?.schema ?? {};

specifyEventDefinitions('deal', dealEventDefinitions, examples, () => {
  it('rejects data with an unknown property or a lower-case currency', () => {
    expect(ajv.validate(schemaOf('DealContactAssociated'), { ...examples.DealContactAssociated, extra: 1 })).toBe(false);
    expect(ajv.validate(schemaOf('DealWon'), { ...examples.DealWon, currency: 'eur' })).toBe(false);
  });

  it('rejects a custom property named like a built-in field, and a company listed twice', () => {
    expect(ajv.validate(schemaOf('DealCreated'), { ...examples.DealCreated, properties: { amount: 1 } })).toBe(false);
    expect(ajv.validate(schemaOf('DealCreated'), { ...examples.DealCreated, companyIds: ['co-2', 'co-2'] })).toBe(false);
    const renamed = { dealId, changes: [{ property: 'stageId', previous: 'a', value: 'b' }] };
    expect(ajv.validate(schemaOf('DealPropertiesChanged'), renamed)).toBe(false);
  });
});

describe('DealCreated v1 -> v2 upcaster', () => {
  const { companyIds: _companyIds, properties: _properties, ...storedV1 } = examples.DealCreated;

  it('is the registered upcaster from version 1', () => {
    expect(dealEventDefinitions.find((definition) => definition.type === 'DealCreated')?.upcasters).toEqual([dealCreatedV1ToV2]);
    expect(dealCreatedV1ToV2.fromVersion).toBe(1);
  });

  it('lifts the stored v1 shape to a valid v2: its one company stays the primary, no other company, no custom properties', () => {
    const upcast = dealCreatedV1ToV2.upcast(storedV1);
    expect({ storedV1, upcast }).toMatchSnapshot();
    expect(upcast).toEqual({ ...storedV1, companyIds: [], properties: {} });
    expect(ajv.validate(schemaOf('DealCreated'), upcast)).toBe(true);
  });
});
