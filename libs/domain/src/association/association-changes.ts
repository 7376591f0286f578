// Every event that changes which records are associated, read as association changes. Older events (a contact's
// single company, a deal's contacts and company, a ticket's links) are read as associations here ("upcast at
// read"): the log is never rewritten, and every reader sees one model.
import { canonicalPair, PRIMARY_LABEL, type ObjectType, type RecordRef } from './association.events.js';

export type AssociationChange =
  | Readonly<{ kind: 'added' | 'removed'; a: RecordRef; b: RecordRef; label: string | null }>
  /** The duplicate's associations move to `into`. */
  | Readonly<{ kind: 'merged'; objectType: 'contact' | 'company'; from: string; into: string }>;

export const ASSOCIATION_EVENT_TYPES = [
  'ContactCreated',
  'ContactAssociatedWithCompany',
  'ContactDissociatedFromCompany',
  'ContactMerged',
  'CompanyMerged',
  'DealCreated',
  'DealContactAssociated',
  'DealContactDissociated',
  'DealCompanyAssociated',
  'TicketCreated',
  'RecordsAssociated',
  'RecordsDissociated',
] as const;

type Data = Readonly<Record<string, unknown>>;

const text = (data: Data, field: string): string | null => {
  const value = data[field];
  return typeof value === 'string' && value !== '' ? value : null;
};
// Absent lists read as empty: older versions of an event may not carry them.
const texts = (data: Data, field: string): readonly string[] => {
  const value = data[field];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item !== '') : [];
};

const change = (kind: 'added' | 'removed', x: RecordRef, y: RecordRef, label: string | null): AssociationChange => {
  const [a, b] = canonicalPair(x, y);
  return { kind, a, b, label };
};
const ref = (type: ObjectType, id: string): RecordRef => ({ type, id });

const primaryCompanySwitch = (owner: RecordRef, data: Data): AssociationChange[] => {
  const companyId = text(data, 'companyId');
  const previous = text(data, 'previousCompanyId');
  return [
    ...(previous ? [change('removed', owner, ref('company', previous), PRIMARY_LABEL)] : []),
    ...(companyId ? [change('added', owner, ref('company', companyId), PRIMARY_LABEL)] : []),
  ];
};

const linked = (record: RecordRef, type: ObjectType, ids: readonly string[], label: string | null): AssociationChange[] =>
  ids.map((id) => change('added', record, ref(type, id), label));

const pairEvent = (kind: 'added' | 'removed', data: Data): AssociationChange[] => {
  const from = data.from as RecordRef;
  const to = data.to as RecordRef;
  return [change(kind, from, to, (data.label as string | null | undefined) ?? null)];
};

/** The association changes an event stands for, in canonical pair order; none for any other event. */
export const associationChangesOf = (type: string, payload: unknown): AssociationChange[] => {
  if (typeof payload !== 'object' || payload === null) return [];
  const data = payload as Data;
  switch (type) {
    case 'ContactCreated': {
      const contactId = text(data, 'contactId');
      const companyId = text(data, 'companyId');
      return contactId && companyId ? [change('added', ref('contact', contactId), ref('company', companyId), PRIMARY_LABEL)] : [];
    }
    case 'ContactAssociatedWithCompany': {
      const contactId = text(data, 'contactId');
      return contactId ? primaryCompanySwitch(ref('contact', contactId), data) : [];
    }
    case 'ContactDissociatedFromCompany': {
      const contactId = text(data, 'contactId');
      const companyId = text(data, 'companyId');
      return contactId && companyId ? [change('removed', ref('contact', contactId), ref('company', companyId), PRIMARY_LABEL)] : [];
    }
    case 'DealCreated': {
      const dealId = text(data, 'dealId');
      if (!dealId) return [];
      const deal = ref('deal', dealId);
      const companyId = text(data, 'companyId');
      return [
        ...linked(deal, 'contact', texts(data, 'contactIds'), null),
        ...linked(deal, 'company', texts(data, 'companyIds'), null),
        ...(companyId ? linked(deal, 'company', [companyId], PRIMARY_LABEL) : []),
      ];
    }
    case 'DealContactAssociated':
    case 'DealContactDissociated': {
      const dealId = text(data, 'dealId');
      const contactId = text(data, 'contactId');
      if (!dealId || !contactId) return [];
      return [change(type === 'DealContactAssociated' ? 'added' : 'removed', ref('contact', contactId), ref('deal', dealId), null)];
    }
    case 'DealCompanyAssociated': {
      const dealId = text(data, 'dealId');
      return dealId ? primaryCompanySwitch(ref('deal', dealId), data) : [];
    }
    case 'TicketCreated': {
      const ticketId = text(data, 'ticketId');
      if (!ticketId) return [];
      const ticket = ref('ticket', ticketId);
      return [
        ...linked(ticket, 'contact', texts(data, 'contactIds'), null),
        ...linked(ticket, 'company', texts(data, 'companyIds'), null),
        ...linked(ticket, 'deal', texts(data, 'dealIds'), null),
      ];
    }
    case 'RecordsAssociated':
      return pairEvent('added', data);
    case 'RecordsDissociated':
      return pairEvent('removed', data);
    case 'ContactMerged':
    case 'CompanyMerged': {
      const objectType = type === 'ContactMerged' ? 'contact' : 'company';
      const from = text(data, objectType === 'contact' ? 'contactId' : 'companyId');
      const into = text(data, 'mergedInto');
      return from && into ? [{ kind: 'merged', objectType, from, into }] : [];
    }
    default:
      return [];
  }
};
