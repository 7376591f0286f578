import type { AssociationRow } from '#domain/association';
import { recordsNamedBy, reduceAssociations, type AssociationsEvent, type AssociationsState } from './associations.projection.js';

const at = (n: number) => `2026-03-${String(n).padStart(2, '0')}T09:00:00.000Z`;
let positions = 0;
const event = (type: string, data: unknown, day = 1): AssociationsEvent => ({ type, data, occurredAt: at(day), position: String(++positions) });
const empty: AssociationsState = { rows: [], records: [] };

const contact = (id: string) => ({ type: 'contact', id }) as const;
const company = (id: string) => ({ type: 'company', id }) as const;
const deal = (id: string) => ({ type: 'deal', id }) as const;

const pairs = (rows: readonly AssociationRow[]) => rows.map((r) => [`${r.a.type}:${r.a.id}`, `${r.b.type}:${r.b.id}`, r.label]).sort();

describe('associations reducer', () => {
  it("reads a deal's contacts and primary company at creation, and records the deal", () => {
    const changes = reduceAssociations(empty, [event('DealCreated', { dealId: 'd1', contactIds: ['c1'], companyIds: ['co2'], companyId: 'co1' })]);
    expect(pairs(changes.written)).toEqual([
      ['company:co1', 'deal:d1', 'primary'],
      ['company:co2', 'deal:d1', null],
      ['contact:c1', 'deal:d1', null],
    ]);
    expect(changes.records).toEqual([{ objectType: 'deal', recordId: 'd1', mergedInto: null }]);
    expect(changes.deleted).toEqual([]);
  });

  it('keeps the first time of a label associated again, and deletes a removed one', () => {
    const first = reduceAssociations(empty, [event('RecordsAssociated', { from: contact('c1'), to: deal('d1'), label: 'Champion' }, 1)]);
    expect(first.written).toEqual([{ a: contact('c1'), b: deal('d1'), label: 'Champion', associatedAt: at(1), position: expect.any(String) }]);
    const again = reduceAssociations({ rows: first.written, records: [] }, [event('RecordsAssociated', { from: deal('d1'), to: contact('c1'), label: 'Champion' }, 2)]);
    expect(again).toEqual({ written: [], deleted: [], records: [] });
    const removed = reduceAssociations({ rows: first.written, records: [] }, [event('RecordsDissociated', { from: contact('c1'), to: deal('d1'), label: 'Champion' }, 3)]);
    expect(removed.deleted).toEqual(first.written);
    expect(removed.written).toEqual([]);
  });

  it("switches a contact's primary company", () => {
    const created = reduceAssociations(empty, [event('ContactCreated', { contactId: 'c1', companyId: 'co1' })]);
    const switched = reduceAssociations({ rows: created.written, records: created.records }, [
      event('ContactAssociatedWithCompany', { contactId: 'c1', companyId: 'co2', previousCompanyId: 'co1' }, 2),
    ]);
    expect(pairs(switched.deleted)).toEqual([['contact:c1', 'company:co1', 'primary']]);
    expect(switched.written).toEqual([{ a: contact('c1'), b: company('co2'), label: 'primary', associatedAt: at(2), position: expect.any(String) }]);
  });

  it("moves a merged duplicate's rows to the survivor, keeping their labels and the survivor's own row on a clash", () => {
    const history = reduceAssociations(empty, [
      event('RecordsAssociated', { from: contact('c2'), to: company('co1'), label: 'Billing' }, 1),
      event('RecordsAssociated', { from: contact('c2'), to: deal('d1'), label: null }, 2),
      event('RecordsAssociated', { from: contact('c1'), to: deal('d1'), label: null }, 3),
    ]);
    const merged = reduceAssociations({ rows: history.written, records: [] }, [event('ContactMerged', { contactId: 'c2', mergedInto: 'c1', email: 'x@y.test' }, 4)]);
    expect(pairs(merged.deleted)).toEqual([
      ['contact:c2', 'company:co1', 'Billing'],
      ['contact:c2', 'deal:d1', null],
    ]);
    expect(merged.written).toEqual([{ a: contact('c1'), b: company('co1'), label: 'Billing', associatedAt: at(1), position: expect.any(String) }]);
    expect(merged.records).toEqual([{ objectType: 'contact', recordId: 'c2', mergedInto: 'c1' }]);
  });

  it('lands a later change naming a merged record on its survivor, and follows merges of merges', () => {
    const records = [{ objectType: 'contact' as const, recordId: 'c3', mergedInto: 'c2' }];
    const changes = reduceAssociations({ rows: [], records }, [
      event('ContactMerged', { contactId: 'c2', mergedInto: 'c1', email: 'x@y.test' }, 1),
      event('DealContactAssociated', { dealId: 'd1', contactId: 'c3' }, 2),
    ]);
    expect(pairs(changes.written)).toEqual([['contact:c1', 'deal:d1', null]]);
    expect(changes.records).toEqual(
      expect.arrayContaining([
        { objectType: 'contact', recordId: 'c2', mergedInto: 'c1' },
        { objectType: 'contact', recordId: 'c3', mergedInto: 'c1' },
      ]),
    );
    expect(changes.records).toHaveLength(2);
  });

  it('names every record a batch touches, for the persistence to load', () => {
    const named = recordsNamedBy([
      event('CompanyCreated', { companyId: 'co9', name: 'Acme' }),
      event('TicketCreated', { ticketId: 't1', contactIds: ['c1'], companyIds: [], dealIds: ['d1'] }),
      event('CompanyMerged', { companyId: 'co2', mergedInto: 'co1', domain: null }),
      event('DealStageChanged', { dealId: 'd5' }),
    ]);
    expect(named.map((r) => `${r.type}:${r.id}`).sort()).toEqual(['company:co1', 'company:co2', 'company:co9', 'contact:c1', 'deal:d1', 'ticket:t1']);
  });
});
