import type { EventDefinition } from '../shared/index.js';
import { eventSchemaAjv as ajv, specifyStoredShapes, type StoredExamples } from '../shared/stored-shapes.spec-helper.js';
import { companyCreatedV1ToV2, companyEventDefinitions, type CompanyEvent } from './index.js';

const examples: StoredExamples<CompanyEvent> = {
  CompanyCreated: {
    companyId: 'co1',
    name: 'Acme',
    domain: 'acme.com',
    industry: 'Manufacturing',
    employees: 250,
    country: 'DE',
    properties: { advertiserId: 'ADV-7', seats: 40, partner: true },
  },
  CompanyUpdated: {
    companyId: 'co1',
    changes: [
      { field: 'domain', previous: 'acme.com', value: null },
      { field: 'employees', previous: 250, value: 300 },
    ],
  },
  CompanyPropertiesChanged: {
    companyId: 'co1',
    changes: [
      { property: 'advertiserId', previous: 'ADV-7', value: 'ADV-8' },
      { property: 'seats', previous: 40, value: null },
    ],
  },
  CompanyMerged: { companyId: 'co2', mergedInto: 'co1', domain: 'globex.com' },
  CompanyAbsorbed: { companyId: 'co1', mergedCompanyId: 'co2' },
};

const definitionOf = (type: CompanyEvent['type']): EventDefinition => {
  const definition = companyEventDefinitions.find((candidate) => candidate.type === type);
  if (definition === undefined) throw new Error(`no definition for ${type}`);
  return definition;
};

specifyStoredShapes('company event catalog', companyEventDefinitions, examples);

describe('company custom properties in stored shapes', () => {
  it('refuses a property named like a built-in field, and nulls in a created event', () => {
    const validate = ajv.compile(definitionOf('CompanyCreated').schema);
    expect(validate({ ...examples.CompanyCreated, properties: { domain: 'x' } })).toBe(false);
    expect(validate({ ...examples.CompanyCreated, properties: { seats: null } })).toBe(false);
    const changed = ajv.compile(definitionOf('CompanyPropertiesChanged').schema);
    expect(changed({ companyId: 'co1', changes: [{ property: 'name', previous: 'Acme', value: 'Globex' }] })).toBe(false);
    expect(changed({ companyId: 'co1', changes: [] })).toBe(false);
  });
});

describe('CompanyCreated v1 -> v2 upcaster', () => {
  const { properties: _properties, ...storedV1 } = examples.CompanyCreated;

  it('is the registered upcaster from version 1', () => {
    expect(definitionOf('CompanyCreated').upcasters).toEqual([companyCreatedV1ToV2]);
    expect(companyCreatedV1ToV2.fromVersion).toBe(1);
  });

  it('lifts the stored v1 shape to a valid v2 with no custom properties', () => {
    const upcast = companyCreatedV1ToV2.upcast(storedV1);
    expect({ storedV1, upcast }).toMatchSnapshot();
    expect(upcast).toEqual({ ...storedV1, properties: {} });
    const validate = ajv.compile(definitionOf('CompanyCreated').schema);
    validate(upcast);
    expect(validate.errors ?? []).toEqual([]);
  });
});
