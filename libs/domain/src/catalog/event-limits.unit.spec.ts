// Ids and keys of raw (imported) events are bounded like the routes bound them: projections index ids, and an id
// longer than a btree entry would be stored and then park every projection keyed on it (issue 12, defect 2).
import { MAX_ID_LENGTH, MAX_URL_LENGTH, type JsonSchema } from '../shared/index.js';
import { EVENT_DEFINITIONS, eventCatalog } from './event-catalog.js';
import { EventValidator } from './event-validator.js';

const ID_NAME = /^(id|mergedInto)$|Ids?$/;
const URL_NAME = /^(url|referrer)$/;
// Random-looking, so no compression could squeeze it into an index entry.
const overLong = Array.from({ length: 5_000 }, (_, i) => String.fromCharCode(33 + ((i * 7919) % 94))).join('');

/** Every property of a schema, however deep, with its name and path. */
const propertiesOf = (schema: JsonSchema, path: string): [name: string, path: string, schema: JsonSchema][] => {
  const own = Object.entries((schema.properties as Record<string, JsonSchema> | undefined) ?? {}).flatMap(([name, property]) => [
    [name, `${path}/${name}`, property] as [string, string, JsonSchema],
    ...propertiesOf(property, `${path}/${name}`),
  ]);
  const nested = ['items', 'additionalProperties'].map((key) => schema[key]).filter((s): s is JsonSchema => typeof s === 'object' && s !== null);
  const branches = ['oneOf', 'anyOf'].flatMap((key) => (Array.isArray(schema[key]) ? (schema[key] as JsonSchema[]) : []));
  return [...own, ...[...nested, ...branches].flatMap((s) => propertiesOf(s, path))];
};

/** The longest string a schema allows: its maxLength, or a pattern with no unbounded repeat. */
const bounded = (schema: JsonSchema, limit: number): boolean => {
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as JsonSchema[]).every((s) => bounded(s, limit));
  const types = ([] as unknown[]).concat(schema.type);
  if (types.includes('array')) return bounded(schema.items as JsonSchema, limit);
  if (!types.includes('string')) return true;
  if (typeof schema.maxLength === 'number') return schema.maxLength <= limit;
  return typeof schema.pattern === 'string' && !/[*+]|\{\d+,\}/.test(schema.pattern);
};

describe('limits of raw events', () => {
  const fields = EVENT_DEFINITIONS.flatMap((definition) =>
    propertiesOf(definition.schema, definition.type).map(([name, path, schema]) => ({ name, path, schema })),
  );

  it('bounds every id, key and URL in every event schema', () => {
    const ids = fields.filter((f) => ID_NAME.test(f.name));
    const urls = fields.filter((f) => URL_NAME.test(f.name));
    expect(ids.length).toBeGreaterThan(80);
    expect(urls.map((f) => f.path).sort()).toEqual(['MarketingEmailClicked/url', 'PageViewed/referrer', 'PageViewed/url']);
    expect(ids.filter((f) => !bounded(f.schema, MAX_ID_LENGTH)).map((f) => f.path)).toEqual([]);
    expect(urls.filter((f) => !bounded(f.schema, MAX_URL_LENGTH)).map((f) => f.path)).toEqual([]);
  });

  it('refuses an imported event with an over-long id, key or URL, naming the field', () => {
    const validator = new EventValidator(eventCatalog);
    const engagement = {
      engagementId: 'e-1', kind: 'call', ownerId: 'o-1', subject: null, body: null, durationMinutes: 5, outcome: null,
      dueAt: null, priority: null, contactIds: ['c-1'], companyIds: [], dealIds: [], ticketIds: [],
    };
    const stageChange = { dealId: 'd-1', pipelineId: 'default', fromStageId: 'a', toStageId: 'b' };
    const cases: [type: string, valid: Record<string, unknown>, field: string, value: unknown][] = [
      ['EngagementLogged', engagement, 'ownerId', overLong],
      ['EngagementLogged', engagement, 'contactIds', [overLong]],
      ['DealStageChanged', stageChange, 'toStageId', overLong],
      ['DealStageChanged', stageChange, 'pipelineId', overLong],
      ['DealStageChanged', stageChange, 'dealId', overLong],
      ['FormSubmitted', { contactId: 'c-1', formId: 'f', fields: {} }, 'formId', overLong],
      ['PageViewed', { contactId: 'c-1', url: 'https://x.test/', title: null, referrer: null }, 'url', `https://x.test/${overLong}`],
      ['UniqueValueClaimed', { kind: 'contact-email', value: 'a@x.test', ownerId: 'c-1' }, 'ownerId', overLong],
    ];
    for (const [type, valid, field, value] of cases) {
      expect([type, validator.validate(type, valid)]).toEqual([type, { valid: true }]);
      const refused = validator.validate(type, { ...valid, [field]: value });
      expect([type, field, refused]).toEqual([type, field, { valid: false, errors: [expect.stringMatching(new RegExp(`^/${field}\\b.*must NOT have more than`))] }]);
    }
  });

  it('accepts ids up to the limit, whatever their characters', () => {
    const validator = new EventValidator(eventCatalog);
    // 200 code points of four UTF-8 bytes each: the widest id a projection's index must hold.
    const widest = '𝔘'.repeat(MAX_ID_LENGTH);
    expect(validator.validate('DealStageChanged', { dealId: widest, pipelineId: widest, fromStageId: widest, toStageId: widest })).toEqual({ valid: true });
    expect(validator.validate('DealStageChanged', { dealId: `${widest}x`, pipelineId: 'p', fromStageId: 'a', toStageId: 'b' }).valid).toBe(false);
  });
});
