// Search: one row per contact, company, deal and ticket with what a person types to find it (names, emails,
// domains, phone digits, custom property text) and the keys possible duplicates share; and each deal and ticket
// pipeline's name and stage labels, so that a pipeline's name finds its records and a stage shows by its label.
import { CONTACT_PROFILE_FIELDS } from '#domain/contact';
import { assertNever } from '#domain/shared';

export type SearchObjectType = 'contact' | 'company' | 'deal' | 'ticket';
export const SEARCH_OBJECT_TYPES: readonly SearchObjectType[] = ['contact', 'company', 'deal', 'ticket'];

type PropertyValue = string | number | boolean | null;
type Properties = Readonly<Record<string, PropertyValue>>;
type PropertyChange = Readonly<{ property: string; previous: PropertyValue; value: PropertyValue }>;

/** A record as its events left it, and what the queries compare (derived from it by `describe`). */
export type SearchRecord = Readonly<{
  objectType: SearchObjectType;
  recordId: string;
  /** Built-in text fields by name (contact: firstName, email...; company: name, domain...; deal: name; ticket: subject). */
  fields: Readonly<Record<string, string | null>>;
  properties: Properties;
  /** A contact's primary company, followed through company merges. */
  companyId: string | null;
  pipelineId: string | null;
  stageId: string | null;
  mergedInto: string | null;
  /** The position of the last event that changed the row. */
  updatedPosition: string;
  title: string;
  subtitle: string | null;
  searchText: string;
  /** The text's two-character sequences that hold a non-ASCII character: a trigram index cannot find a two-character
   * query, and two characters are a whole word in Japanese or Chinese (田中). */
  searchGrams: readonly string[];
  /** The title as compared for similar names. */
  nameKey: string;
  phoneDigits: string | null;
  email: string | null;
  /** The email as compared for duplicates: no +tag, and no dots in a Gmail local part. */
  emailKey: string | null;
  /** A company's domain; a contact's email domain. */
  domain: string | null;
}>;

export type SearchPipelineStage = Readonly<{ stageId: string; label: string }>;
export type SearchPipeline = Readonly<{
  pipelineId: string;
  objectType: 'deal' | 'ticket';
  name: string;
  searchName: string;
  stages: readonly SearchPipelineStage[];
}>;

type Data<T extends Readonly<Record<string, unknown>>> = Readonly<T>;
type Ev<Type extends string, D extends Readonly<Record<string, unknown>>> = Readonly<{ type: Type; data: Data<D> }>;
type FieldChange = Readonly<{ field: string; previous: unknown; value: unknown }>;
type Stage = Readonly<{ id: string; label: string }>;

// The shapes as readers see them (the store upcasts to the current version): only the fields search reads.
export type SearchEvent =
  | Ev<'ContactCreated', { contactId: string; email: string; firstName: string | null; lastName: string | null; phone: string | null; jobTitle: string | null; country: string | null; companyId: string | null; properties: Properties }>
  | Ev<'ContactPropertiesChanged', { contactId: string; changes: readonly PropertyChange[] }>
  | Ev<'ContactAssociatedWithCompany', { contactId: string; companyId: string }>
  | Ev<'ContactDissociatedFromCompany', { contactId: string; companyId: string }>
  | Ev<'ContactMerged', { contactId: string; mergedInto: string }>
  | Ev<'CompanyCreated', { companyId: string; name: string; domain: string | null; industry: string | null; country: string | null; properties?: Properties }>
  | Ev<'CompanyUpdated', { companyId: string; changes: readonly FieldChange[] }>
  | Ev<'CompanyPropertiesChanged', { companyId: string; changes: readonly PropertyChange[] }>
  | Ev<'CompanyMerged', { companyId: string; mergedInto: string }>
  | Ev<'DealCreated', { dealId: string; name: string; pipelineId: string; stageId: string; properties?: Properties }>
  | Ev<'DealRenamed', { dealId: string; name: string }>
  | Ev<'DealStageChanged' | 'DealReopened', { dealId: string; pipelineId: string; toStageId: string }>
  | Ev<'DealWon' | 'DealLost', { dealId: string; pipelineId: string; stageId: string }>
  | Ev<'DealPropertiesChanged', { dealId: string; changes: readonly PropertyChange[] }>
  | Ev<'TicketCreated', { ticketId: string; subject: string; pipelineId: string; stageId: string; properties?: Properties }>
  | Ev<'TicketStageChanged', { ticketId: string; pipelineId: string; toStageId: string }>
  | Ev<'TicketClosed' | 'TicketReopened', { ticketId: string; pipelineId: string; stageId: string }>
  | Ev<'TicketPropertiesChanged', { ticketId: string; changes: readonly PropertyChange[] }>
  | Ev<'PipelineCreated', { pipelineId: string; objectType: 'deal' | 'ticket'; name: string; stages: readonly Stage[] }>
  | Ev<'PipelineRenamed', { pipelineId: string; name: string }>
  | Ev<'PipelineStageAdded', { pipelineId: string; stage: Stage }>
  | Ev<'PipelineStageRenamed', { pipelineId: string; stageId: string; label: string }>;

export const SEARCH_EVENT_TYPES: readonly SearchEvent['type'][] = [
  'ContactCreated', 'ContactPropertiesChanged', 'ContactAssociatedWithCompany', 'ContactDissociatedFromCompany', 'ContactMerged',
  'CompanyCreated', 'CompanyUpdated', 'CompanyPropertiesChanged', 'CompanyMerged',
  'DealCreated', 'DealRenamed', 'DealStageChanged', 'DealReopened', 'DealWon', 'DealLost', 'DealPropertiesChanged',
  'TicketCreated', 'TicketStageChanged', 'TicketClosed', 'TicketReopened', 'TicketPropertiesChanged',
  'PipelineCreated', 'PipelineRenamed', 'PipelineStageAdded', 'PipelineStageRenamed',
];

/**
 * Text as search compares it. NFKC rather than NFC: Japanese data mixes full-width Latin and digits and half-width
 * katakana with their usual forms, and a search must find either with either. Lower-case, one space between words.
 */
export const searchTextOf = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();

/** The digits of a phone number, whatever it was written with (spaces, dashes, +, full-width digits). */
export const digitsOf = (text: string): string => text.normalize('NFKC').replace(/[^0-9]/g, '');

// Longer values cannot be exact keys (a btree entry holds about 2.7 kB; an email has at most 254 characters): they
// stay findable through the search text only.
export const MAX_KEY_LENGTH = 320;
const key = (value: string | null): string | null => (value !== null && value.length <= MAX_KEY_LENGTH ? value : null);

/** Fewer digits than this match too much to be a phone number (years, amounts, ids). */
export const MIN_PHONE_DIGITS = 5;

const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

/** An email as duplicates compare it: no +tag (any provider), and Gmail ignores dots in the local part. */
export const emailKeyOf = (email: string): string => {
  const at = email.lastIndexOf('@');
  if (at < 0) return email;
  const domain = email.slice(at + 1);
  const local = email.slice(0, at).split('+')[0];
  return GMAIL_DOMAINS.has(domain) ? `${local.replaceAll('.', '')}@gmail.com` : `${local}@${domain}`;
};

const text = (value: string | null | undefined): string | null => (value === null || value === undefined || value.trim() === '' ? null : value.trim());

// Email local parts and domains also count as words, so `tanaka` finds `taro.tanaka@example.jp` as a word prefix.
const wordsOfAddress = (address: string): string => address.split(/[@.+_-]+/).join(' ');

const ASCII = /^[\x00-\x7f]$/;

/** Whether `text` is a query the two-character index serves: two characters, neither a space, one not ASCII. */
export const isGram = (text: string): boolean => {
  const chars = [...text];
  return chars.length === 2 && !chars.includes(' ') && chars.some((c) => !ASCII.test(c));
};

/** The distinct two-character sequences of `text` that `isGram`, in text order. */
export const gramsOf = (text: string): string[] => {
  const chars = [...text];
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const gram = chars[i] + chars[i + 1];
    if (isGram(gram)) grams.add(gram);
  }
  return [...grams];
};

/**
 * The words of a record's search text, each once: a word starting with a query, and the near words of a typo, are
 * looked up by them (an index on words stops after a page; one on whole texts reads every match first). A merged
 * record has none: it is found no more. A word longer than a key is left to the text's trigram index.
 */
export const wordsOf = (record: Pick<SearchRecord, 'searchText' | 'mergedInto'>): string[] =>
  record.mergedInto !== null ? [] : [...new Set(record.searchText.split(' ').filter((word) => word !== '' && word.length <= MAX_KEY_LENGTH))];

/** Whether `text` is a word typos are looked for in: Latin letters (names), not a number, an email or a domain. */
export const isTypoWord = (text: string): boolean => /\p{Script=Latin}/u.test(text) && /^[\p{L}\p{M}'’-]+$/u.test(text);

// In key order: a row read back from jsonb lists its keys in another order than the events did.
const valuesByKey = <V>(values: Readonly<Record<string, V>>): V[] =>
  Object.keys(values)
    .sort()
    .map((key) => values[key]);

/** The derived columns of a record: what it is shown as, found by and compared on. */
export const describe = (
  record: Pick<SearchRecord, 'objectType' | 'recordId' | 'fields' | 'properties'>,
): Pick<SearchRecord, 'title' | 'subtitle' | 'searchText' | 'searchGrams' | 'nameKey' | 'phoneDigits' | 'email' | 'emailKey' | 'domain'> => {
  const f = record.fields;
  const email = record.objectType === 'contact' ? (text(f.email)?.toLowerCase() ?? null) : null;
  const domain =
    record.objectType === 'company' ? (text(f.domain)?.toLowerCase() ?? null) : email && email.includes('@') ? email.slice(email.lastIndexOf('@') + 1) : null;
  const digits = digitsOf(f.phone ?? '');
  const phoneDigits = digits.length >= MIN_PHONE_DIGITS ? key(digits) : null;
  const name =
    record.objectType === 'contact'
      ? [text(f.firstName), text(f.lastName)].filter((part) => part !== null).join(' ')
      : (text(record.objectType === 'ticket' ? f.subject : f.name) ?? '');
  const title = name || email || record.recordId;
  const subtitle = record.objectType === 'contact' ? email : record.objectType === 'company' ? domain : null;
  const words = [
    title,
    ...valuesByKey(f).flatMap((value) => text(value) ?? []),
    ...valuesByKey(record.properties).flatMap((value) => (typeof value === 'string' ? value : [])),
    ...(email ? [wordsOfAddress(email)] : []),
    ...(domain ? [domain, wordsOfAddress(domain)] : []),
    ...(phoneDigits ? [phoneDigits] : []),
  ];
  const searchText = searchTextOf(words.join(' '));
  return {
    title,
    subtitle,
    searchText,
    searchGrams: gramsOf(searchText),
    nameKey: searchTextOf(name),
    phoneDigits,
    email: key(email),
    emailKey: key(email ? emailKeyOf(email) : null),
    domain: key(domain),
  };
};

type Source = Omit<SearchRecord, keyof ReturnType<typeof describe>>;

const described = (source: Source): SearchRecord => ({ ...source, ...describe(source) });

const created = (objectType: SearchObjectType, recordId: string, fields: SearchRecord['fields'], rest: Partial<Source> & Pick<Source, 'updatedPosition'>): SearchRecord =>
  described({ objectType, recordId, fields, properties: {}, companyId: null, pipelineId: null, stageId: null, mergedInto: null, ...rest });

// Nulls are "no value": left out, so a record's properties read the same however the value was cleared.
const withProperties = (properties: Properties, changes: readonly PropertyChange[]): Properties => {
  const next: Record<string, PropertyValue> = { ...properties };
  for (const { property, value } of changes) {
    if (value === null) delete next[property];
    else next[property] = value;
  }
  return next;
};

const withoutNulls = (properties: Properties | undefined): Properties =>
  Object.fromEntries(Object.entries(properties ?? {}).filter(([, value]) => value !== null));

const BUILT_IN_CONTACT_FIELDS: readonly string[] = CONTACT_PROFILE_FIELDS;

export const recordKey = (objectType: SearchObjectType, recordId: string): string => `${objectType}:${recordId}`;

export type PipelineEvent = Extract<SearchEvent, { type: `Pipeline${string}` }>;

export const isPipelineEvent = (event: SearchEvent): event is PipelineEvent => event.type.startsWith('Pipeline');

/** The record an event is about; pipeline events name none. */
export const recordOf = (event: SearchEvent): Readonly<{ objectType: SearchObjectType; recordId: string }> | null => {
  const d = event.data as Readonly<Record<string, unknown>>;
  if (event.type.startsWith('Contact')) return { objectType: 'contact', recordId: d.contactId as string };
  if (event.type.startsWith('Company')) return { objectType: 'company', recordId: d.companyId as string };
  if (event.type.startsWith('Deal')) return { objectType: 'deal', recordId: d.dealId as string };
  if (event.type.startsWith('Ticket')) return { objectType: 'ticket', recordId: d.ticketId as string };
  return null;
};

/** The companies an event points a contact at (loaded beforehand, so that a merged one is followed). */
export const companiesNamedBy = (event: SearchEvent): string[] =>
  event.type === 'ContactCreated' && event.data.companyId !== null
    ? [event.data.companyId]
    : event.type === 'ContactAssociatedWithCompany'
      ? [event.data.companyId]
      : [];

export type SearchState = Readonly<{
  /** By recordKey. */
  records: ReadonlyMap<string, SearchRecord>;
  pipelines: ReadonlyMap<string, SearchPipeline>;
}>;

/** The rows a batch changed, each in its final state, and the company merges whose contacts move to the survivor. */
export type SearchChanges = Readonly<{
  records: readonly SearchRecord[];
  pipelines: readonly SearchPipeline[];
  companyMerges: readonly Readonly<{ companyId: string; mergedInto: string }>[];
}>;

type Positioned = Readonly<{ event: SearchEvent; position: string }>;

const evolvePipeline = (pipeline: SearchPipeline | undefined, event: PipelineEvent): SearchPipeline | undefined => {
  if (event.type === 'PipelineCreated') {
    if (pipeline) return pipeline;
    const { pipelineId, objectType, name, stages } = event.data;
    return { pipelineId, objectType, name, searchName: searchTextOf(name), stages: stages.map((s) => ({ stageId: s.id, label: s.label })) };
  }
  if (!pipeline) return undefined;
  switch (event.type) {
    case 'PipelineRenamed':
      return { ...pipeline, name: event.data.name, searchName: searchTextOf(event.data.name) };
    case 'PipelineStageAdded':
      return { ...pipeline, stages: [...pipeline.stages, { stageId: event.data.stage.id, label: event.data.stage.label }] };
    case 'PipelineStageRenamed':
      return { ...pipeline, stages: pipeline.stages.map((s) => (s.stageId === event.data.stageId ? { ...s, label: event.data.label } : s)) };
    default:
      return assertNever(event);
  }
};

/** Applies a batch to the rows it touches (loaded beforehand: the others are absent from `state`). */
export const reduceSearch = (state: SearchState, events: readonly Positioned[]): SearchChanges => {
  const records = new Map(state.records);
  const pipelines = new Map(state.pipelines);
  const changedRecords = new Set<string>();
  const changedPipelines = new Set<string>();
  const companyMerges: { companyId: string; mergedInto: string }[] = [];

  // A contact pointed at a company merged away belongs to its survivor.
  const survivorOf = (companyId: string): string => records.get(recordKey('company', companyId))?.mergedInto ?? companyId;

  const put = (record: SearchRecord) => {
    const key = recordKey(record.objectType, record.recordId);
    records.set(key, record);
    changedRecords.add(key);
  };

  for (const { event, position } of events) {
    const target = recordOf(event);
    if (isPipelineEvent(event)) {
      const before = pipelines.get(event.data.pipelineId);
      const after = evolvePipeline(before, event);
      if (after && after !== before) {
        pipelines.set(after.pipelineId, after);
        changedPipelines.add(after.pipelineId);
      }
      continue;
    }
    if (target === null) continue;
    const before = records.get(recordKey(target.objectType, target.recordId));
    const after = evolveRecord(before, event, position, survivorOf);
    if (after && after !== before) put(after);
    if (event.type === 'CompanyMerged') {
      companyMerges.push({ companyId: event.data.companyId, mergedInto: event.data.mergedInto });
      // Loaded contacts move here; persistence moves the stored ones (the batch's are written first).
      for (const record of records.values()) {
        if (record.objectType === 'contact' && record.companyId === event.data.companyId) {
          put({ ...record, companyId: event.data.mergedInto });
        }
      }
    }
  }
  return {
    records: [...changedRecords].map((key) => records.get(key) as SearchRecord),
    pipelines: [...changedPipelines].map((id) => pipelines.get(id) as SearchPipeline),
    companyMerges,
  };
};

const changed = (record: SearchRecord, position: string, change: Partial<Source>): SearchRecord =>
  described({ ...record, ...change, updatedPosition: position });

/** The record after `event`; events for a record never created leave nothing (its stream always starts so). */
export const evolveRecord = (
  record: SearchRecord | undefined,
  event: SearchEvent,
  position: string,
  survivorOf: (companyId: string) => string,
): SearchRecord | undefined => {
  switch (event.type) {
    case 'ContactCreated': {
      if (record) return record;
      const { contactId, email, firstName, lastName, phone, jobTitle, country, companyId, properties } = event.data;
      return created('contact', contactId, { email, firstName, lastName, phone, jobTitle, country }, {
        properties: withoutNulls(properties),
        companyId: companyId === null ? null : survivorOf(companyId),
        updatedPosition: position,
      });
    }
    case 'CompanyCreated': {
      if (record) return record;
      const { companyId, name, domain, industry, country, properties } = event.data;
      return created('company', companyId, { name, domain, industry, country }, { properties: withoutNulls(properties), updatedPosition: position });
    }
    case 'DealCreated': {
      if (record) return record;
      const { dealId, name, pipelineId, stageId, properties } = event.data;
      return created('deal', dealId, { name }, { properties: withoutNulls(properties), pipelineId, stageId, updatedPosition: position });
    }
    case 'TicketCreated': {
      if (record) return record;
      const { ticketId, subject, pipelineId, stageId, properties } = event.data;
      return created('ticket', ticketId, { subject }, { properties: withoutNulls(properties), pipelineId, stageId, updatedPosition: position });
    }
    default:
      break;
  }
  if (!record) return undefined;
  switch (event.type) {
    case 'ContactPropertiesChanged': {
      // Built-in fields come by name among the custom properties (UpdateContact writes both so).
      const builtIn = event.data.changes.filter((c) => BUILT_IN_CONTACT_FIELDS.includes(c.property));
      const custom = event.data.changes.filter((c) => !BUILT_IN_CONTACT_FIELDS.includes(c.property));
      const fields = { ...record.fields, ...Object.fromEntries(builtIn.map((c) => [c.property, c.value === null ? null : String(c.value)])) };
      return changed(record, position, { fields, properties: withProperties(record.properties, custom) });
    }
    case 'ContactAssociatedWithCompany':
      return changed(record, position, { companyId: survivorOf(event.data.companyId) });
    case 'ContactDissociatedFromCompany':
      return record.companyId === survivorOf(event.data.companyId) ? changed(record, position, { companyId: null }) : record;
    case 'ContactMerged':
    case 'CompanyMerged':
      return changed(record, position, { mergedInto: event.data.mergedInto });
    case 'CompanyUpdated': {
      const texts = event.data.changes.filter((c) => c.field !== 'employees');
      if (texts.length === 0) return record;
      const fields = { ...record.fields, ...Object.fromEntries(texts.map((c) => [c.field, c.value as string | null])) };
      return changed(record, position, { fields });
    }
    case 'CompanyPropertiesChanged':
    case 'DealPropertiesChanged':
    case 'TicketPropertiesChanged':
      return changed(record, position, { properties: withProperties(record.properties, event.data.changes) });
    case 'DealRenamed':
      return changed(record, position, { fields: { ...record.fields, name: event.data.name } });
    case 'DealStageChanged':
    case 'DealReopened':
    case 'TicketStageChanged':
      return changed(record, position, { pipelineId: event.data.pipelineId, stageId: event.data.toStageId });
    case 'DealWon':
    case 'DealLost':
    case 'TicketClosed':
    case 'TicketReopened':
      return record.stageId === event.data.stageId && record.pipelineId === event.data.pipelineId
        ? record
        : changed(record, position, { pipelineId: event.data.pipelineId, stageId: event.data.stageId });
    case 'PipelineCreated':
    case 'PipelineRenamed':
    case 'PipelineStageAdded':
    case 'PipelineStageRenamed':
      return record;
    default:
      return assertNever(event);
  }
};
