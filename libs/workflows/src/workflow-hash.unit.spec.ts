import fc from 'fast-check';
import { stringify } from 'yaml';
import { parseWorkflowDocument, workflowHash } from './index.js';

// Rebuilds a value with every object's keys in reverse order: same content, different serialisation.
const reversedKeys = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, member]) => [key, reversedKeys(member)]));
};

const text = fc.string({ minLength: 1, maxLength: 30 }).filter((value) => value.trim() !== '' && !value.includes('{{') && !/\p{Cs}/u.test(value));
const scalar = fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null));
const step = (index: number) =>
  fc.oneof(
    fc.record({ id: fc.constant(`s${index}`), delay: fc.record({ duration: fc.constantFrom('P2D', 'PT4H', 'P1DT2H', 'P1M') }) }),
    fc.record({
      id: fc.constant(`s${index}`),
      action: fc.constant('createTask'),
      owner: fc.constantFrom('contactOwner', 'recordOwner'),
      subject: text.map((subject) => `${subject} {{contact.email}}`),
      dueInBusinessDays: fc.integer({ min: 0, max: 10 }),
    }),
    fc.record({ id: fc.constant(`s${index}`), action: fc.constant('setProperty'), property: text, value: scalar }),
  );
const documents = fc.record({
  name: text,
  trigger: fc.record({ event: fc.constantFrom('FormSubmitted', 'DealStageChanged', 'TicketCreated'), where: fc.dictionary(fc.constantFrom('formId', 'stageId', 'pipelineId'), scalar) }),
  goal: fc.option(fc.dictionary(fc.constantFrom('contact.country', 'deal.amount'), scalar, { minKeys: 1 }), { nil: undefined }),
  steps: fc.integer({ min: 1, max: 6 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => step(index)))),
});

describe('workflowHash', () => {
  it('is the same for the JSON text, the YAML text and any key order of one document', () => {
    fc.assert(
      fc.property(documents, (document) => {
        const parsed = parseWorkflowDocument(document);
        expect(parsed.errors).toEqual([]);
        const hash = workflowHash(parsed.definition!);
        expect(hash).toMatch(/^[0-9a-f]{64}$/);
        for (const spelling of [JSON.stringify(document), stringify(document), reversedKeys(document)]) {
          expect(workflowHash(parseWorkflowDocument(spelling).definition!)).toBe(hash);
        }
      }),
      // Each run parses four spellings; 40 runs keep the spec near a second.
      { numRuns: 40 },
    );
  });

  it('changes with any change of content', () => {
    const base = { name: 'W', trigger: { event: 'FormSubmitted' }, steps: [{ id: 'a', delay: { duration: 'P2D' } }] };
    const hashOf = (document: unknown) => workflowHash(parseWorkflowDocument(document).definition!);
    expect(hashOf({ ...base, steps: [{ id: 'a', delay: { duration: 'P3D' } }] })).not.toBe(hashOf(base));
    expect(hashOf({ ...base, reenrolment: 'always' })).not.toBe(hashOf(base));
  });
});
