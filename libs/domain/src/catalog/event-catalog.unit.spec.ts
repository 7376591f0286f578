import { eventCatalog, EventCatalog } from './event-catalog.js';

describe('event catalog', () => {
  it('knows every event type once, each with a version and a schema that forbids unknown fields', () => {
    const list = eventCatalog.list();
    expect(list.length).toBeGreaterThan(40);
    for (const definition of list) {
      expect(definition.schemaVersion).toBeGreaterThanOrEqual(1);
      expect(definition.schema).toMatchObject({ type: 'object', additionalProperties: false });
      expect(definition.type).toMatch(/^[A-Z][A-Za-z]+$/);
    }
    expect(list.map((d) => d.type)).toEqual(expect.arrayContaining(['ContactCreated', 'PageViewed', 'DealStageChanged']));
  });

  it('lifts a stored ContactCreated v1 (one full name) to v2 (first and last name)', () => {
    const lifted = eventCatalog.upcast('ContactCreated', 1, {
      contactId: 'c-1',
      email: 'ada@example.com',
      name: 'Ada King Lovelace',
    });
    expect(lifted.schemaVersion).toBe(2);
    expect(lifted.data).toMatchObject({ firstName: 'Ada', lastName: 'King Lovelace' });
    expect(lifted.data).not.toHaveProperty('name');
  });

  it('leaves current versions and unknown types untouched', () => {
    const data = { contactId: 'c-1' };
    expect(eventCatalog.upcast('PageViewed', 1, data)).toEqual({ schemaVersion: 1, data });
    expect(eventCatalog.upcast('SomethingElse', 1, data)).toEqual({ schemaVersion: 1, data });
  });

  it('refuses a type defined twice and a version with no upcaster', () => {
    const def = { type: 'X', schemaVersion: 3, description: '', schema: {}, upcasters: [{ fromVersion: 2, upcast: (d: Readonly<Record<string, unknown>>) => ({ ...d }) }] };
    expect(() => new EventCatalog([def, def])).toThrow(/twice/);
    expect(() => new EventCatalog([def]).upcast('X', 1, {})).toThrow(/no upcaster from schema version 1/);
  });
});

describe('event validator', () => {
  it('accepts data of the current shape and names what is wrong otherwise', async () => {
    const { EventValidator } = await import('./event-validator.js');
    const validator = new EventValidator(eventCatalog);
    expect(validator.validate('PageViewed', { contactId: 'c-1', url: 'https://x.test/pricing', title: null, referrer: null })).toEqual({ valid: true });
    const bad = validator.validate('PageViewed', { contactId: 'c-1', url: 42, extra: true });
    expect(bad.valid).toBe(false);
    expect(JSON.stringify(bad)).toMatch(/url/);
    expect(validator.validate('NoSuchEvent', {})).toEqual({ valid: false, errors: ['unknown event type NoSuchEvent'] });
  });

  it('holds raw events to the bounds commands are held to: amounts, currencies, calendar days, instants', async () => {
    const { EventValidator } = await import('./event-validator.js');
    const validator = new EventValidator(eventCatalog);
    const won = { dealId: 'd-1', pipelineId: 'default', stageId: 'closedwon', amount: '12000.50', currency: 'EUR', ownerId: null };
    expect(validator.validate('DealWon', won)).toEqual({ valid: true });
    expect(validator.validate('DealWon', { ...won, amount: '999999999999.99' })).toEqual({ valid: true });
    // Amounts are decimal strings: a number, even a whole one, is refused; so is a string no currency writes.
    for (const amount of [12000.5, 12000, '1000000000000', '1e3', '-1', '0.0001', '12,000.50', '']) {
      expect([amount, validator.validate('DealWon', { ...won, amount }).valid]).toEqual([amount, false]);
    }
    for (const currency of ['XXQ', 'XYZ']) expect(validator.validate('DealWon', { ...won, currency }).valid).toBe(false);
    const closeDate = { dealId: 'd-1', previous: '2026-01-31', closeDate: '2026-02-28' };
    expect(validator.validate('DealCloseDateChanged', closeDate)).toEqual({ valid: true });
    for (const day of ['2026-02-30', '0000-01-01', '2200-01-01']) {
      expect([day, validator.validate('DealCloseDateChanged', { ...closeDate, closeDate: day }).valid]).toEqual([day, false]);
    }
    const task = {
      engagementId: 'e-1', kind: 'task', ownerId: 'o-1', subject: 'Call back', body: null, durationMinutes: null, outcome: null,
      dueAt: '2026-01-20T17:00:00.000Z', priority: null, contactIds: ['c-1'], companyIds: [], dealIds: [], ticketIds: [],
    };
    expect(validator.validate('EngagementLogged', task)).toEqual({ valid: true });
    for (const dueAt of ['2026-02-30T17:00:00Z', '0000-01-01T00:00:00Z']) {
      expect([dueAt, validator.validate('EngagementLogged', { ...task, dueAt }).valid]).toEqual([dueAt, false]);
    }
  });
});
