import { ASSOCIATION_EVENT_TYPES, associationChangesOf } from './index.js';

const contact = (id: string) => ({ type: 'contact', id }) as const;
const company = (id: string) => ({ type: 'company', id }) as const;
const deal = (id: string) => ({ type: 'deal', id }) as const;
const ticket = (id: string) => ({ type: 'ticket', id }) as const;

describe('associationChangesOf', () => {
  it("reads a contact's company at creation as its primary company", () => {
    expect(associationChangesOf('ContactCreated', { contactId: 'c1', email: 'a@x.test', companyId: 'co1' })).toEqual([
      { kind: 'added', a: contact('c1'), b: company('co1'), label: 'primary' },
    ]);
    expect(associationChangesOf('ContactCreated', { contactId: 'c1', email: 'a@x.test', companyId: null })).toEqual([]);
  });

  it('reads a switch of primary company as the previous one removed, then the new one added', () => {
    expect(associationChangesOf('ContactAssociatedWithCompany', { contactId: 'c1', companyId: 'co2', previousCompanyId: 'co1' })).toEqual([
      { kind: 'removed', a: contact('c1'), b: company('co1'), label: 'primary' },
      { kind: 'added', a: contact('c1'), b: company('co2'), label: 'primary' },
    ]);
    expect(associationChangesOf('ContactAssociatedWithCompany', { contactId: 'c1', companyId: 'co2', previousCompanyId: null })).toEqual([
      { kind: 'added', a: contact('c1'), b: company('co2'), label: 'primary' },
    ]);
    expect(associationChangesOf('ContactDissociatedFromCompany', { contactId: 'c1', companyId: 'co2' })).toEqual([
      { kind: 'removed', a: contact('c1'), b: company('co2'), label: 'primary' },
    ]);
  });

  it("reads a deal's contacts and companies at creation, its companyId as the primary", () => {
    const created = { dealId: 'd1', name: 'D', contactIds: ['c1', 'c2'], companyIds: ['co2'], companyId: 'co1' };
    expect(associationChangesOf('DealCreated', created)).toEqual([
      { kind: 'added', a: contact('c1'), b: deal('d1'), label: null },
      { kind: 'added', a: contact('c2'), b: deal('d1'), label: null },
      { kind: 'added', a: company('co2'), b: deal('d1'), label: null },
      { kind: 'added', a: company('co1'), b: deal('d1'), label: 'primary' },
    ]);
    expect(associationChangesOf('DealCreated', { dealId: 'd1', contactIds: [], companyIds: [], companyId: null })).toEqual([]);
  });

  it("reads a deal's later contact and primary company changes", () => {
    expect(associationChangesOf('DealContactAssociated', { dealId: 'd1', contactId: 'c1' })).toEqual([
      { kind: 'added', a: contact('c1'), b: deal('d1'), label: null },
    ]);
    expect(associationChangesOf('DealContactDissociated', { dealId: 'd1', contactId: 'c1' })).toEqual([
      { kind: 'removed', a: contact('c1'), b: deal('d1'), label: null },
    ]);
    expect(associationChangesOf('DealCompanyAssociated', { dealId: 'd1', companyId: 'co2', previousCompanyId: 'co1' })).toEqual([
      { kind: 'removed', a: company('co1'), b: deal('d1'), label: 'primary' },
      { kind: 'added', a: company('co2'), b: deal('d1'), label: 'primary' },
    ]);
  });

  it("reads a ticket's contacts, companies and deals at creation", () => {
    const created = { ticketId: 't1', subject: 'S', contactIds: ['c1'], companyIds: ['co1'], dealIds: ['d1', 'd2'] };
    expect(associationChangesOf('TicketCreated', created)).toEqual([
      { kind: 'added', a: contact('c1'), b: ticket('t1'), label: null },
      { kind: 'added', a: company('co1'), b: ticket('t1'), label: null },
      { kind: 'added', a: deal('d1'), b: ticket('t1'), label: null },
      { kind: 'added', a: deal('d2'), b: ticket('t1'), label: null },
    ]);
  });

  it('reads the pair events as stored, in canonical order whatever order they name the records in', () => {
    expect(associationChangesOf('RecordsAssociated', { from: contact('c1'), to: ticket('t1'), label: 'Requester' })).toEqual([
      { kind: 'added', a: contact('c1'), b: ticket('t1'), label: 'Requester' },
    ]);
    expect(associationChangesOf('RecordsDissociated', { from: ticket('t1'), to: company('co1'), label: null })).toEqual([
      { kind: 'removed', a: company('co1'), b: ticket('t1'), label: null },
    ]);
  });

  it('reads merges of contacts and companies', () => {
    expect(associationChangesOf('ContactMerged', { contactId: 'c2', mergedInto: 'c1', email: 'a@x.test' })).toEqual([
      { kind: 'merged', objectType: 'contact', from: 'c2', into: 'c1' },
    ]);
    expect(associationChangesOf('CompanyMerged', { companyId: 'co2', mergedInto: 'co1', domain: null })).toEqual([
      { kind: 'merged', objectType: 'company', from: 'co2', into: 'co1' },
    ]);
  });

  it('reads nothing from any other event', () => {
    expect(associationChangesOf('DealStageChanged', { dealId: 'd1', pipelineId: 'p', fromStageId: 'a', toStageId: 'b' })).toEqual([]);
    expect(associationChangesOf('ContactCreated', null)).toEqual([]);
  });

  it('lists every event type it reads', () => {
    const readable = ASSOCIATION_EVENT_TYPES.filter((type) => {
      const data = {
        contactId: 'c1', companyId: 'co1', previousCompanyId: null, dealId: 'd1', ticketId: 't1', mergedInto: 'x',
        contactIds: ['c1'], from: contact('c1'), to: deal('d1'), label: null,
      };
      return associationChangesOf(type, data).length > 0;
    });
    expect(readable).toEqual([...ASSOCIATION_EVENT_TYPES]);
  });
});
