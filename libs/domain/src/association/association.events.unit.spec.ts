import { createHash } from 'node:crypto';
import { eventSchemaAjv, specifyStoredShapes, type StoredExamples } from '../shared/stored-shapes.spec-helper.js';
import { associationEventDefinitions, associationStream, type AssociationEvent } from './index.js';

const examples: StoredExamples<AssociationEvent> = {
  RecordsAssociated: { from: { type: 'contact', id: 'c1' }, to: { type: 'company', id: 'co1' }, label: 'Billing contact' },
  RecordsDissociated: { from: { type: 'deal', id: 'd1' }, to: { type: 'ticket', id: 't1' }, label: null },
};

specifyStoredShapes('association event catalog', associationEventDefinitions, examples);

describe('association event schema', () => {
  const validate = eventSchemaAjv.compile(associationEventDefinitions[0].schema);
  const pair = { from: { type: 'contact', id: 'c1' }, to: { type: 'deal', id: 'd1' } };

  it.each([
    ['the reserved primary label', 'primary'],
    ['an untrimmed label', ' Champion'],
    ['an empty label', ''],
    ['a label over 100 characters', 'x'.repeat(101)],
  ])('refuses %s', (_what, label) => {
    expect(validate({ ...pair, label })).toBe(false);
  });

  it('accepts a label of 100 characters with inner spaces, and no label', () => {
    expect(validate({ ...pair, label: `a ${'x'.repeat(98)}` })).toBe(true);
    expect(validate({ ...pair, label: null })).toBe(true);
  });

  it('refuses an unknown object type, two records of one type and a pair out of canonical order', () => {
    expect(validate({ ...pair, to: { type: 'lead', id: 'l1' }, label: null })).toBe(false);
    expect(validate({ ...pair, to: { type: 'contact', id: 'c2' }, label: null })).toBe(false);
    expect(validate({ from: pair.to, to: pair.from, label: null })).toBe(false);
  });
});

describe('associationStream', () => {
  const contact = { type: 'contact', id: 'c1' } as const;
  const deal = { type: 'deal', id: 'd1' } as const;

  it('names the pair in canonical type order with the sha256 of both ids, cut to 32 hex digits', () => {
    const hash = createHash('sha256').update('c1\0d1').digest('hex').slice(0, 32);
    expect(associationStream(contact, deal)).toBe(`association-contact-deal-${hash}`);
  });

  it('gives (a, b) and (b, a) one stream', () => {
    expect(associationStream(deal, contact)).toBe(associationStream(contact, deal));
  });

  it('keeps ids apart that only concatenate alike', () => {
    expect(associationStream({ type: 'contact', id: 'a' }, { type: 'deal', id: 'bc' })).not.toBe(
      associationStream({ type: 'contact', id: 'ab' }, { type: 'deal', id: 'c' }),
    );
  });
});
