// Stored shapes are permanent: each example must satisfy its JSON Schema, and the snapshot makes a change visible.
import { eventSchemaAjv as ajv, specifyEventDefinitions, type StoredExamples } from '../shared/stored-shapes.spec-helper.js';
import { EventCatalog } from '../catalog/event-catalog.js';
import { dealAmountChangedV1ToV2, dealCreatedV1ToV2, dealCreatedV2ToV3, dealEventDefinitions, dealWonV1ToV2, type DealEvent } from './deal.events.js';

const dealId = '0b7f2c1e-4d0a-4a6e-9f4e-2d6b1c9e8a11';
const pipelineId = 'default';
const examples: StoredExamples<DealEvent> = {
  DealCreated: {
    dealId,
    name: 'Acme renewal',
    pipelineId,
    stageId: 'appointmentscheduled',
    amount: '12000.50',
    currency: 'EUR',
    revenueType: 'recurring',
    billingPeriod: 'quarter',
    contractTermMonths: 12,
    closeDate: '2024-03-31',
    ownerId: 'o-1',
    contactIds: ['c-1', 'c-2'],
    companyId: 'co-1',
    companyIds: ['co-2', 'co-3'],
    properties: { advertiserId: 'ADV-1', seats: 12, renewal: true },
    renewsDealId: '5d1c3a0e-8f7b-4c2d-9a6e-1b2c3d4e5f60',
  },
  DealStageChanged: { dealId, pipelineId, fromStageId: 'appointmentscheduled', toStageId: 'closedwon' },
  DealWon: { dealId, pipelineId, stageId: 'closedwon', amount: '12000.50', currency: 'EUR', ownerId: null },
  DealLost: { dealId, pipelineId, stageId: 'closedlost', reason: 'Chose a competitor' },
  DealReopened: { dealId, pipelineId, fromStageId: 'closedlost', toStageId: 'contractsent' },
  DealAmountChanged: { dealId, previous: { amount: '12000.50', currency: 'EUR' }, amount: '1.125', currency: 'BHD' },
  DealCloseDateChanged: { dealId, previous: '2024-03-31', closeDate: '2024-04-30' },
  DealOwnerAssigned: { dealId, previous: null, ownerId: 'o-2' },
  DealRenamed: { dealId, previous: 'Acme renewal', name: 'Acme 2025' },
  DealContractTermChanged: { dealId, previous: 12, contractTermMonths: 24 },
  DealRevenueTypeChanged: { dealId, previous: { revenueType: 'one-off', billingPeriod: null }, revenueType: 'recurring', billingPeriod: 'month' },
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

// The shapes stored before amounts were strings, as they are in existing logs: never edited.
const storedV1DealCreated = {
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
};
const storedV2DealCreated = { ...storedV1DealCreated, companyIds: ['co-2', 'co-3'], properties: { advertiserId: 'ADV-1', seats: 12, renewal: true } };
const storedV1DealWon = { dealId, pipelineId, stageId: 'closedwon', amount: 12000.5, currency: 'EUR', ownerId: null };
const storedV1DealAmountChanged = { dealId, previous: { amount: 12000.5, currency: 'EUR' }, amount: 0.29, currency: 'USD' };

describe('DealCreated v1 -> v2 upcaster', () => {
  const storedV1 = storedV1DealCreated;

  it('is the registered upcaster from version 1', () => {
    expect(dealEventDefinitions.find((definition) => definition.type === 'DealCreated')?.upcasters).toEqual([dealCreatedV1ToV2, dealCreatedV2ToV3]);
    expect(dealCreatedV1ToV2.fromVersion).toBe(1);
  });

  it('lifts the stored v1 shape to a valid v2: its one company stays the primary, no other company, no custom properties', () => {
    const upcast = dealCreatedV1ToV2.upcast(storedV1);
    expect({ storedV1, upcast }).toMatchSnapshot();
    expect(upcast).toEqual({ ...storedV1, companyIds: [], properties: {} });
    expect(ajv.validate(schemaOf('DealCreated'), dealCreatedV2ToV3.upcast(upcast))).toBe(true);
  });
});

describe('DealCreated v2 -> v3 upcaster', () => {
  it('is registered from version 2', () => {
    expect(dealCreatedV2ToV3.fromVersion).toBe(2);
  });

  it('lifts the stored v2 shape to a valid v3: the number amount becomes the exact string, a one-off deal renewing nothing', () => {
    const upcast = dealCreatedV2ToV3.upcast(storedV2DealCreated);
    expect({ storedV2: storedV2DealCreated, upcast }).toMatchSnapshot();
    expect(upcast).toEqual({ ...storedV2DealCreated, amount: '12000.50', revenueType: 'one-off', billingPeriod: null, renewsDealId: null });
    expect(ajv.validate(schemaOf('DealCreated'), upcast)).toBe(true);
  });

  it.each([
    [0.29, 'USD', '0.29'],
    [150000, 'JPY', '150000'],
    [1.25, 'BHD', '1.250'],
    [999_999_999_999.99, 'USD', '999999999999.99'],
    // A legacy number with more decimals than its currency keeps them: no upcast changes a value.
    [1.5, 'JPY', '1.5'],
  ])('lifts amount %p %s to %p', (amount, currency, expected) => {
    const upcast = dealCreatedV2ToV3.upcast({ ...storedV2DealCreated, amount, currency });
    expect(upcast.amount).toBe(expected);
    expect(ajv.validate(schemaOf('DealCreated'), upcast)).toBe(true);
  });

  it('reads a stored v1 through both steps, as the catalog does', () => {
    const catalog = new EventCatalog(dealEventDefinitions);
    expect(catalog.upcast('DealCreated', 1, storedV1DealCreated)).toEqual({
      schemaVersion: 3,
      data: { ...storedV1DealCreated, amount: '12000.50', companyIds: [], properties: {}, revenueType: 'one-off', billingPeriod: null, renewsDealId: null },
    });
  });
});

describe('DealWon v1 -> v2 upcaster', () => {
  it('is the registered upcaster from version 1', () => {
    expect(dealEventDefinitions.find((definition) => definition.type === 'DealWon')?.upcasters).toEqual([dealWonV1ToV2]);
    expect(dealWonV1ToV2.fromVersion).toBe(1);
  });

  it('lifts the stored v1 shape to a valid v2 with the amount as an exact string', () => {
    const upcast = dealWonV1ToV2.upcast(storedV1DealWon);
    expect({ storedV1: storedV1DealWon, upcast }).toMatchSnapshot();
    expect(upcast).toEqual({ ...storedV1DealWon, amount: '12000.50' });
    expect(ajv.validate(schemaOf('DealWon'), upcast)).toBe(true);
  });
});

describe('DealAmountChanged v1 -> v2 upcaster', () => {
  it('is the registered upcaster from version 1', () => {
    expect(dealEventDefinitions.find((definition) => definition.type === 'DealAmountChanged')?.upcasters).toEqual([dealAmountChangedV1ToV2]);
    expect(dealAmountChangedV1ToV2.fromVersion).toBe(1);
  });

  it('lifts the stored v1 shape to a valid v2: each amount an exact string in its own currency', () => {
    const upcast = dealAmountChangedV1ToV2.upcast(storedV1DealAmountChanged);
    expect({ storedV1: storedV1DealAmountChanged, upcast }).toMatchSnapshot();
    expect(upcast).toEqual({ dealId, previous: { amount: '12000.50', currency: 'EUR' }, amount: '0.29', currency: 'USD' });
    expect(ajv.validate(schemaOf('DealAmountChanged'), upcast)).toBe(true);
  });

  it('lifts a change between currencies of different digits', () => {
    const upcast = dealAmountChangedV1ToV2.upcast({ dealId, previous: { amount: 150000, currency: 'JPY' }, amount: 1.25, currency: 'BHD' });
    expect(upcast).toEqual({ dealId, previous: { amount: '150000', currency: 'JPY' }, amount: '1.250', currency: 'BHD' });
  });
});

describe('the stored shapes of amounts', () => {
  it('refuses a number amount, a negative one, more than 3 decimals or 1e12 in the current versions', () => {
    for (const amount of [12000.5, '-1.00', '1.2345', '1000000000000', '1e3', ''])
      expect(ajv.validate(schemaOf('DealWon'), { ...examples.DealWon, amount })).toBe(false);
  });

  it('refuses a billing period that is not month, quarter, year or null, and an unknown revenue type', () => {
    expect(ajv.validate(schemaOf('DealCreated'), { ...examples.DealCreated, billingPeriod: 'week' })).toBe(false);
    expect(ajv.validate(schemaOf('DealCreated'), { ...examples.DealCreated, revenueType: 'subscription' })).toBe(false);
    expect(ajv.validate(schemaOf('DealCreated'), { ...examples.DealCreated, revenueType: 'one-off', billingPeriod: null, renewsDealId: null })).toBe(true);
  });
});
