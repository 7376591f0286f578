import { EVENT_DEFINITIONS } from '#domain/catalog';
import { PERSONAL_EVENT_FIELDS, PERSONAL_PROPERTIES } from '#scoring';
import { NOT_CONTACT_PERSONAL_DATA, PERSONAL_CONTACT_FIELDS, PERSONAL_DATA, personalDataOf } from './personal-data.js';

// Property names that hold a person's identity or free text someone typed: an event type with one of them declares
// which of them are a contact's personal data, or says why none is.
const SUSPECT = /^(email|mergedEmail|name|firstName|lastName|fullName|phone|mobile|body|comment|notes?|fields|answers?|values?|message|text)$/i;

const propertyNames = (schema: unknown): string[] => {
  if (schema === null || typeof schema !== 'object') return [];
  const object = schema as Record<string, unknown>;
  const own = object.properties && typeof object.properties === 'object' ? Object.keys(object.properties) : [];
  return [...own, ...Object.values(object).flatMap((child) => (Array.isArray(child) ? child.flatMap(propertyNames) : propertyNames(child)))];
};

describe('the personal-data catalog', () => {
  it('covers every event type that may hold a name, an email, a phone or free text', () => {
    const undeclared = EVENT_DEFINITIONS.filter((definition) => propertyNames(definition.schema).some((name) => SUSPECT.test(name)))
      .map((definition) => definition.type)
      .filter((type) => !personalDataOf(type) && !(type in NOT_CONTACT_PERSONAL_DATA));
    expect(undeclared).toEqual([]);
  });

  it('declares every stored schema version of the types it names, and only types of the catalog', () => {
    const catalog = new Map(EVENT_DEFINITIONS.map((definition) => [definition.type, definition]));
    for (const declaration of PERSONAL_DATA) {
      const definition = catalog.get(declaration.type);
      expect(definition).toBeDefined();
      const stored = Array.from({ length: definition!.schemaVersion }, (_, i) => i + 1);
      expect([declaration.type, declaration.versions]).toEqual([declaration.type, stored]);
    }
    expect(Object.keys(NOT_CONTACT_PERSONAL_DATA).filter((type) => !catalog.has(type))).toEqual([]);
  });

  it('is the list the formula validator refuses rules on, so no score reads what erasure redacts', () => {
    expect([...PERSONAL_PROPERTIES]).toEqual([...PERSONAL_CONTACT_FIELDS]);
    expect(PERSONAL_EVENT_FIELDS.FormSubmitted('fields.budget')).toBe(true);
    expect(['subject', 'body', 'outcome'].every((field) => PERSONAL_EVENT_FIELDS.EngagementLogged(field))).toBe(true);
  });

  it('finds the profile fields of a contact, and only the personal ones of a change', () => {
    const created = personalDataOf('ContactCreated')!;
    expect(created.values({}, 2).map((v) => [v.path.join('.'), v.redaction])).toEqual([
      ['email', '[erased]'],
      ['firstName', null],
      ['lastName', null],
      ['phone', null],
    ]);
    const changed = personalDataOf('ContactPropertiesChanged')!;
    const changes = [
      { property: 'jobTitle', previous: null, value: 'CTO' },
      { property: 'phone', previous: null, value: '+33 1' },
    ];
    expect(changed.values({ contactId: 'c', changes }, 1).map((v) => v.path.join('.'))).toEqual(['changes.1.previous', 'changes.1.value']);
    expect(personalDataOf('UniqueValueClaimed')!.values({ kind: 'company-domain', value: 'acme.com', ownerId: 'x' }, 1)).toEqual([]);
  });
});
