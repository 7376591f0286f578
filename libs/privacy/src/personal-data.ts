// Which values of which stored events are a contact's personal data, and whose data key encrypts them. The one
// place that knows it: the encrypting store reads it on append and on read, the catalog spec holds it complete.

/** What a required string reads as once its owner's key is destroyed; nullable values read as null. */
export const REDACTED = '[erased]';

/** A path into an event's data: property names and array indexes. */
export type FieldPath = readonly (string | number)[];

export type PersonalValue = Readonly<{
  path: FieldPath;
  /** The value readers get after erasure: null where the schema allows it, else the fixed REDACTED text. */
  redaction: null | typeof REDACTED;
}>;

/**
 * Whose key seals the values: one contact, several (sealed under every one's key, so erasing any of them redacts the
 * values), or none (null). `stream`: the owner is not in the event; it is found from the first event of its stream
 * (STREAM_OWNERS).
 */
export type Owner = string | readonly string[] | null | 'stream';

/** The contacts an owner names, each once, in order (the first is the innermost layer). */
export const ownerIds = (owner: string | readonly string[] | null): readonly string[] =>
  owner === null ? [] : [...new Set(typeof owner === 'string' ? [owner] : owner)];

export type PersonalDataDeclaration = Readonly<{
  type: string;
  /** The stored schema versions this declaration reads (every version the catalog can hold). */
  versions: readonly number[];
  /** The contacts whose keys encrypt the values; null: this event holds no contact's data. */
  owner: (data: Readonly<Record<string, unknown>>) => Owner;
  values: (data: Readonly<Record<string, unknown>>, schemaVersion: number) => readonly PersonalValue[];
}>;

type Data = Readonly<Record<string, unknown>>;
const asString = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const required = (...path: FieldPath): PersonalValue => ({ path, redaction: REDACTED });
const nullable = (...path: FieldPath): PersonalValue => ({ path, redaction: null });
const changes = (data: Data): readonly Readonly<Record<string, unknown>>[] =>
  Array.isArray(data.changes) ? (data.changes as Readonly<Record<string, unknown>>[]) : [];
const mapValues = (data: Data, key: string, redaction: PersonalValue['redaction']): PersonalValue[] => {
  const map = data[key];
  if (map === null || typeof map !== 'object' || Array.isArray(map)) return [];
  return Object.keys(map).map((name) => ({ path: [key, name], redaction }));
};
const allContacts = (data: Data): readonly string[] =>
  Array.isArray(data.contactIds) ? data.contactIds.map(asString).filter((id): id is string => id !== null) : [];

/** The contact fields of issue #22: jobTitle and country are kept (they describe a role and a market, not the person). */
export const PERSONAL_CONTACT_FIELDS = ['email', 'firstName', 'lastName', 'phone'] as const;
const personalChange = (name: unknown): boolean => (PERSONAL_CONTACT_FIELDS as readonly unknown[]).includes(name);
const ENGAGEMENT_TEXT = ['subject', 'body', 'outcome'];

export const PERSONAL_DATA: readonly PersonalDataDeclaration[] = [
  {
    type: 'ContactCreated',
    versions: [1, 2],
    owner: (data) => asString(data.contactId),
    // v1 held one full name, v2 first and last; email is required in both.
    values: (_data, version) =>
      version === 1
        ? [required('email'), nullable('name'), nullable('phone')]
        : [required('email'), nullable('firstName'), nullable('lastName'), nullable('phone')],
  },
  {
    type: 'ContactPropertiesChanged',
    versions: [1],
    owner: (data) => asString(data.contactId),
    // email never becomes null (a contact always has one); the names and phone may be cleared.
    values: (data) =>
      changes(data).flatMap((change, i) =>
        personalChange(change.property)
          ? change.property === 'email'
            ? [required('changes', i, 'previous'), required('changes', i, 'value')]
            : [nullable('changes', i, 'previous'), nullable('changes', i, 'value')]
          : [],
      ),
  },
  { type: 'ContactMerged', versions: [1], owner: (data) => asString(data.contactId), values: () => [required('email')] },
  { type: 'ContactAbsorbed', versions: [1], owner: (data) => asString(data.mergedContactId), values: () => [required('mergedEmail')] },
  ...(['UniqueValueClaimed', 'UniqueValueReleased'] as const).map(
    (type): PersonalDataDeclaration => ({
      type,
      versions: [1],
      owner: (data) => (data.kind === 'contact-email' ? asString(data.ownerId) : null),
      values: (data) => (data.kind === 'contact-email' ? [required('value')] : []),
    }),
  ),
  {
    type: 'FormSubmitted',
    versions: [1, 2],
    owner: (data) => asString(data.contactId),
    // Every submitted value, whatever the field maps to: free text, answers and consent alike.
    values: (data) => mapValues(data, 'fields', REDACTED),
  },
  { type: 'SurveyResponded', versions: [1], owner: (data) => asString(data.contactId), values: () => [nullable('comment')] },
  {
    type: 'EngagementLogged',
    versions: [1, 2],
    // A note about several contacts is personal data of each of them: erasing any one of them redacts it.
    owner: allContacts,
    values: () => ENGAGEMENT_TEXT.map((field) => nullable(field)),
  },
  {
    type: 'EngagementUpdated',
    versions: [1],
    owner: () => 'stream',
    values: (data) =>
      changes(data).flatMap((change, i) =>
        ENGAGEMENT_TEXT.includes(String(change.field)) ? [nullable('changes', i, 'previous'), nullable('changes', i, 'value')] : [],
      ),
  },
  {
    type: 'PlaybookRunRecorded',
    versions: [1],
    // Answers given on a call with the contact: what they said about themselves and their plans.
    owner: (data) => asString(data.contactId) ?? 'stream',
    values: (data) => (Array.isArray(data.answers) ? data.answers.map((_answer, i) => nullable('answers', i, 'value')) : []),
  },
  {
    type: 'WorkflowEnrolled',
    versions: [1],
    // The trigger's condition values may quote the contact's fields (`contact.email equals ...`).
    owner: (data) => (data.recordType === 'contact' ? asString(data.recordId) : null),
    values: (data) => {
      const trigger = data.trigger as Data | undefined;
      return trigger && typeof trigger === 'object' ? mapValues(trigger, 'values', null).map((v) => ({ ...v, path: ['trigger', ...v.path] })) : [];
    },
  },
  ...(['WorkflowStepTaken', 'WorkflowRunFinished'] as const).map(
    (type): PersonalDataDeclaration => ({ type, versions: [1], owner: () => 'stream', values: (data) => mapValues(data, 'values', null) }),
  ),
];

/**
 * Owners of the events that do not name one, by stream category: read from the stream's first event. An engagement
 * belongs to all its contacts; a workflow run to its record when that is a contact.
 */
export const STREAM_OWNERS: Readonly<Record<string, (first: Readonly<{ type: string; data: unknown }>) => string | readonly string[] | null>> = {
  engagement: (first) => (first.type === 'EngagementLogged' ? allContacts(first.data as Data) : null),
  workflowrun: (first) => {
    const data = first.data as Data;
    return first.type === 'WorkflowEnrolled' && data.recordType === 'contact' ? asString(data.recordId) : null;
  },
};

/** Event types of the catalog that name people or hold free text, but no contact's: why each is stored in clear. */
export const NOT_CONTACT_PERSONAL_DATA: Readonly<Record<string, string>> = {
  OwnerCreated: "a rep's work profile (name, work email): staff data, not a contact's; kept for attribution",
  OwnerUpdated: "a rep's work profile, as OwnerCreated",
  ContactErased: 'the audit record of the erasure: who erased, on which basis, why (never about the person)',
  FormCreated: "a form's definition: field names and labels, no answers",
  FormUpdated: "a form's definition, as FormCreated",
  SurveyCreated: "a survey's name and question, no answers",
  DealCreated: "a deal's name and properties: a business record",
  DealRenamed: "a deal's name",
  DealLost: 'the lost reason, a sales note about the deal',
  PipelineCreated: 'pipeline and stage names',
  PipelineRenamed: "a pipeline's name",
  CompanyCreated: "a company's name and domain: an organisation, not a person",
  CompanyUpdated: "a company's name and domain",
  CompanyPropertiesChanged: "a company's custom properties: an organisation's record",
  DealPropertiesChanged: "a deal's custom properties: a business record",
  TicketCreated: "a ticket's subject and properties: a support record (its conversation is logged as engagements)",
  TicketPropertiesChanged: "a ticket's custom properties",
  MarketingPolicyChanged: 'the marketing status each contact source gets: policy, no contact',
  WorkflowCreated: 'a workflow definition',
  WorkflowUpdated: 'a workflow definition',
  PlaybookCreated: 'a sales playbook: questions, no answers',
  PlaybookRevised: 'a sales playbook: questions, no answers',
  SnippetCreated: 'a text template',
  SnippetUpdated: 'a text template',
  PropertyDefined: 'a property definition (name, label, options)',
  PropertyDefinitionChanged: 'a property definition',
  PropertyDefinitionRemoved: 'a property definition',
  ScoringFormulaRegistered: 'a scoring formula: rules over non-personal fields (validate-formula refuses personal ones)',
};

const byType = new Map(PERSONAL_DATA.map((declaration) => [declaration.type, declaration]));

export const personalDataOf = (type: string): PersonalDataDeclaration | undefined => byType.get(type);
