// Decides a contact's profile, status and merges. A merged contact is a tombstone pointing at its primary and
// takes no further commands; an erased contact takes none either (410), and a second erasure is a conflict (409).
// Automation (a workflow's action) names its cause's revision: a field decided again after that keeps its value.
import { alreadyExists, assertNever, decideByType, gone, notFound, optionalText, ruleViolated, type Decider } from '../shared/index.js';
import { marketingStatusFor, type ContactSource, type MarketingStatus } from '../marketing-policy/index.js';
import type {
  AbsorbContact,
  AssignContactOwner,
  AssociateContactWithCompany,
  ChangeLifecycleStage,
  ChangeMarketingStatus,
  ContactCommand,
  ContactStreamEmailEventKind,
  CreateContact,
  DissociateContactFromCompany,
  EraseContact,
  MergeContactInto,
  RecordEmailEvent,
  UpdateContact,
} from './contact.commands.js';
import {
  CONTACT_PROFILE_FIELDS,
  RESERVED_PROPERTY_NAMES,
  type CauseRevision,
  type ContactEvent,
  type ContactProfile,
  type ContactProfileField,
  type ContactProperties,
  type ContactPropertyChange,
  type ErasureLegalBasis,
  type LifecycleStage,
} from './contact.events.js';
import { isValidEmail, normalizeEmail } from './email-address.js';

export type ActiveContact = Readonly<{
  status: 'active';
  contactId: string;
  profile: ContactProfile;
  properties: ContactProperties;
  companyId: string | null;
  ownerId: string | null;
  source: ContactSource;
  marketingStatus: MarketingStatus;
  lifecycleStage: LifecycleStage;
  absorbedContactIds: readonly string[];
  /** The stream revision of the last event folded (a contact's stream is always folded from its first event). */
  revision: number;
  decisions: ContactDecisions;
}>;
/**
 * The event that last decided a field: where it was recorded, and as of when it was decided (its own revision; for
 * automation, its cause's revision). A field with no entry was decided by ContactCreated.
 */
export type FieldDecision = Readonly<{ revision: number; asOf: number; type: ContactEvent['type'] }>;
export type ContactDecisions = Readonly<{
  marketingStatus: FieldDecision;
  lifecycleStage: FieldDecision;
  /** Built-in fields and custom properties, by name. */
  properties: Readonly<Record<string, FieldDecision>>;
}>;
export type MergedContact = Readonly<{ status: 'merged'; contactId: string; email: string; mergedInto: string }>;
/** What is left of an erased contact: the erasure's audit record, nothing personal. */
export type ErasedContact = Readonly<{
  status: 'erased';
  contactId: string;
  erasedBy: string;
  legalBasis: ErasureLegalBasis;
  reason: string;
}>;
export type ContactState = Readonly<{ status: 'absent' }> | ActiveContact | MergedContact | ErasedContact;

/** The contact as a command target: it must exist and not be merged away. */
export const requireActiveContact = (state: ContactState, contactId: string): ActiveContact => {
  switch (state.status) {
    case 'absent':
      throw notFound('contact', contactId);
    case 'merged':
      throw ruleViolated('contact-merged', `contact ${contactId} was merged into ${state.mergedInto}`, {
        mergedInto: state.mergedInto,
      });
    case 'erased':
      throw gone('contact', contactId);
    case 'active':
      return state;
    default:
      return assertNever(state);
  }
};

const checkedEmail = (email: string): string => {
  const normalized = normalizeEmail(email);
  if (!isValidEmail(normalized)) throw ruleViolated('invalid-email', `${email} is not an email address`, { email });
  return normalized;
};

const checkedPropertyNames = (properties: ContactProperties): ContactProperties => {
  const reserved = Object.keys(properties).find((name) => RESERVED_PROPERTY_NAMES.includes(name));
  if (reserved !== undefined) {
    throw ruleViolated('reserved-property-name', `${reserved} is a built-in contact field, not a custom property`, {
      property: reserved,
    });
  }
  return properties;
};

const CREATED: FieldDecision = { revision: 0, asOf: 0, type: 'ContactCreated' };

/** An action whose cause came before the field's last decision must not overwrite it: refused, naming that decision. */
const refuseIfSuperseded = (field: string, decision: FieldDecision, causeRevision: number | undefined): void => {
  if (causeRevision === undefined || decision.asOf <= causeRevision) return;
  throw ruleViolated(
    'superseded',
    `${field} was decided again by ${decision.type} at revision ${decision.revision}, after the cause at revision ${causeRevision}`,
    { field, revision: decision.revision, eventType: decision.type, causeRevision },
  );
};

const withCause = (causeRevision: number | undefined): CauseRevision => (causeRevision === undefined ? {} : { causeRevision });

const decidedBy = (type: ContactEvent['type'], revision: number, data: CauseRevision = {}): FieldDecision => ({
  revision,
  asOf: data.causeRevision ?? revision,
  type,
});

const isProfileField = (property: string): property is ContactProfileField =>
  (CONTACT_PROFILE_FIELDS as readonly string[]).includes(property);

const withoutNulls = (properties: ContactProperties): ContactProperties =>
  Object.fromEntries(Object.entries(properties).filter(([, value]) => value !== null));

const create = ({ data }: CreateContact, state: ContactState): readonly ContactEvent[] => {
  if (state.status !== 'absent') throw alreadyExists('contact', { id: data.contactId });
  return [
    {
      type: 'ContactCreated',
      data: {
        contactId: data.contactId,
        email: checkedEmail(data.email),
        firstName: optionalText(data.firstName),
        lastName: optionalText(data.lastName),
        phone: optionalText(data.phone),
        jobTitle: optionalText(data.jobTitle),
        country: optionalText(data.country),
        companyId: data.companyId ?? null,
        ownerId: data.ownerId ?? null,
        properties: withoutNulls(checkedPropertyNames(data.properties ?? {})),
        source: data.source,
        marketingStatus: marketingStatusFor(data.marketingPolicy, data.source),
        // Form fills opt in to content first; every other way in is a lead.
        lifecycleStage: data.source === 'form' ? 'subscriber' : 'lead',
      },
    },
  ];
};

const update = ({ data }: UpdateContact, contact: ActiveContact): readonly ContactEvent[] => {
  const { properties = {}, ...fields } = data.changes;
  for (const name of [...Object.keys(fields), ...Object.keys(properties)]) {
    refuseIfSuperseded(name, contact.decisions.properties[name] ?? CREATED, data.causeRevision);
  }
  const fieldChanges = CONTACT_PROFILE_FIELDS.flatMap((field): ContactPropertyChange[] => {
    const requested = fields[field];
    if (requested === undefined) return [];
    const value = field === 'email' ? checkedEmail(requested ?? '') : optionalText(requested);
    const previous = contact.profile[field];
    return value === previous ? [] : [{ property: field, previous, value }];
  });
  const propertyChanges = Object.entries(checkedPropertyNames(properties)).flatMap(([property, value]): ContactPropertyChange[] => {
    const previous = contact.properties[property] ?? null;
    return value === previous ? [] : [{ property, previous, value }];
  });
  const changes = [...fieldChanges, ...propertyChanges];
  return changes.length === 0
    ? []
    : [{ type: 'ContactPropertiesChanged', data: { contactId: contact.contactId, changes, ...withCause(data.causeRevision) } }];
};

// Any stage may be set, backwards too: it is an explicit user action (automation asks for forward only itself).
const changeLifecycleStage = ({ data }: ChangeLifecycleStage, contact: ActiveContact): readonly ContactEvent[] => {
  refuseIfSuperseded('lifecycleStage', contact.decisions.lifecycleStage, data.causeRevision);
  if (data.stage === contact.lifecycleStage) return [];
  return [
    {
      type: 'ContactLifecycleStageChanged',
      data: { contactId: contact.contactId, previous: contact.lifecycleStage, stage: data.stage, ...withCause(data.causeRevision) },
    },
  ];
};

const changeMarketingStatus = ({ data }: ChangeMarketingStatus, contact: ActiveContact): readonly ContactEvent[] => {
  const reason = data.reason.trim();
  // Marketing status decides what the account is billed for: every change needs a reason on record.
  if (reason === '') throw ruleViolated('reason-required', 'a marketing status change needs a reason');
  const decided = contact.decisions.marketingStatus;
  refuseIfSuperseded('marketingStatus', decided, data.causeRevision);
  // An unsubscribe leaves the status to its workflow. A status set after it is a later decision that the late workflow
  // must see, so it is recorded even when it is the current one (an opt-in again before the workflow acted).
  const afterUnsubscribe =
    decided.type === 'MarketingEmailUnsubscribed' && (data.causeRevision === undefined || data.causeRevision > decided.revision);
  if (data.status === contact.marketingStatus && !afterUnsubscribe) return [];
  return [
    {
      type: 'ContactMarketingStatusChanged',
      data: { contactId: contact.contactId, previous: contact.marketingStatus, status: data.status, reason, ...withCause(data.causeRevision) },
    },
  ];
};

// An unsubscribe is always recorded, even when the contact is already non-marketing. It decides the marketing status
// as of now (an older cause's action no longer applies); the default workflow makes the contact non-marketing.
const unsubscribe = ({ data }: RecordEmailEvent<ContactStreamEmailEventKind>, contact: ActiveContact): readonly ContactEvent[] => [
  { type: 'MarketingEmailUnsubscribed', data: { contactId: contact.contactId, emailId: data.emailId } },
];

const assignOwner = ({ data }: AssignContactOwner, contact: ActiveContact): readonly ContactEvent[] =>
  data.ownerId === contact.ownerId
    ? []
    : [{ type: 'ContactOwnerAssigned', data: { contactId: contact.contactId, previous: contact.ownerId, ownerId: data.ownerId } }];

const associateWithCompany = ({ data }: AssociateContactWithCompany, contact: ActiveContact): readonly ContactEvent[] =>
  data.companyId === contact.companyId
    ? []
    : [
        {
          type: 'ContactAssociatedWithCompany',
          data: { contactId: contact.contactId, companyId: data.companyId, previousCompanyId: contact.companyId },
        },
      ];

// Dissociating from a company the contact is not with already holds: nothing to record.
const dissociateFromCompany = ({ data }: DissociateContactFromCompany, contact: ActiveContact): readonly ContactEvent[] =>
  data.companyId === contact.companyId
    ? [{ type: 'ContactDissociatedFromCompany', data: { contactId: contact.contactId, companyId: data.companyId } }]
    : [];

const rejectMergeIntoSelf = (contactId: string, otherId: string): void => {
  if (contactId === otherId) throw ruleViolated('merge-into-self', `contact ${contactId} cannot be merged into itself`);
};

const mergeInto = ({ data }: MergeContactInto, contact: ActiveContact): readonly ContactEvent[] => {
  rejectMergeIntoSelf(contact.contactId, data.mergedInto);
  return [{ type: 'ContactMerged', data: { contactId: contact.contactId, mergedInto: data.mergedInto, email: contact.profile.email } }];
};

// A retried merge must not absorb the same duplicate twice.
const absorb = ({ data }: AbsorbContact, contact: ActiveContact): readonly ContactEvent[] => {
  rejectMergeIntoSelf(contact.contactId, data.mergedContactId);
  if (contact.absorbedContactIds.includes(data.mergedContactId)) return [];
  return [
    {
      type: 'ContactAbsorbed',
      data: { contactId: contact.contactId, mergedContactId: data.mergedContactId, mergedEmail: normalizeEmail(data.mergedEmail) },
    },
  ];
};

// A merged tombstone may be erased too: its stream still holds the person's email. The reason is kept trimmed
// and must say why, since it is all an auditor will see.
const erase = ({ data }: EraseContact, state: ContactState): readonly ContactEvent[] => {
  switch (state.status) {
    case 'absent':
      throw notFound('contact', data.contactId);
    case 'erased':
      throw alreadyExists(`erasure of contact ${data.contactId}`, { id: data.contactId });
    case 'active':
    case 'merged': {
      const reason = data.reason.trim();
      if (reason === '') throw ruleViolated('reason-required', 'an erasure needs a reason');
      return [
        {
          type: 'ContactErased',
          data: { contactId: data.contactId, erasedBy: data.erasedBy, legalBasis: data.legalBasis, reason },
        },
      ];
    }
    default:
      return assertNever(state);
  }
};

const applyChange = (contact: ActiveContact, change: ContactPropertyChange): ActiveContact => {
  const { property, value } = change;
  if (isProfileField(property)) return { ...contact, profile: { ...contact.profile, [property]: value } };
  const { [property]: _cleared, ...kept } = contact.properties;
  return { ...contact, properties: value === null ? kept : { ...kept, [property]: value } };
};

// What an event does to an active contact; `revision` is the event's own.
const evolveActive = (state: ActiveContact, event: ContactEvent, revision: number): ContactState => {
  const { decisions } = state;
  switch (event.type) {
    case 'ContactPropertiesChanged': {
      const decided = decidedBy(event.type, revision, event.data);
      const changed = Object.fromEntries(event.data.changes.map((change) => [change.property, decided]));
      const properties = { ...decisions.properties, ...changed };
      return { ...event.data.changes.reduce(applyChange, state), decisions: { ...decisions, properties } };
    }
    case 'ContactLifecycleStageChanged':
      return {
        ...state,
        lifecycleStage: event.data.stage,
        decisions: { ...decisions, lifecycleStage: decidedBy(event.type, revision, event.data) },
      };
    case 'ContactMarketingStatusChanged':
      return {
        ...state,
        marketingStatus: event.data.status,
        decisions: { ...decisions, marketingStatus: decidedBy(event.type, revision, event.data) },
      };
    case 'MarketingEmailUnsubscribed':
      return { ...state, decisions: { ...decisions, marketingStatus: decidedBy(event.type, revision) } };
    case 'ContactOwnerAssigned':
      return { ...state, ownerId: event.data.ownerId };
    case 'ContactAssociatedWithCompany':
      return { ...state, companyId: event.data.companyId };
    case 'ContactDissociatedFromCompany':
      return { ...state, companyId: null };
    case 'ContactMerged':
      return { status: 'merged', contactId: state.contactId, email: state.profile.email, mergedInto: event.data.mergedInto };
    case 'ContactAbsorbed':
      return { ...state, absorbedContactIds: [...state.absorbedContactIds, event.data.mergedContactId] };
    case 'ContactCreated':
    case 'ContactErased':
      return state;
    default:
      return assertNever(event);
  }
};

// Every command but CreateContact and EraseContact targets an active contact.
const decideForActive = decideByType<Exclude<ContactCommand, CreateContact | EraseContact>, ActiveContact, ContactEvent>({
  UpdateContact: update,
  ChangeLifecycleStage: changeLifecycleStage,
  ChangeMarketingStatus: changeMarketingStatus,
  RecordEmailEvent: unsubscribe,
  AssignContactOwner: assignOwner,
  AssociateContactWithCompany: associateWithCompany,
  DissociateContactFromCompany: dissociateFromCompany,
  MergeContactInto: mergeInto,
  AbsorbContact: absorb,
});

export const contactDecider: Decider<ContactCommand, ContactEvent, ContactState> = {
  decide: (command, state) => {
    if (command.type === 'CreateContact') return create(command, state);
    if (command.type === 'EraseContact') return erase(command, state);
    return decideForActive(command, requireActiveContact(state, command.data.contactId));
  },
  evolve: (state, event) => {
    // Erasure ends the stream whatever came before it, a merge included.
    if (event.type === 'ContactErased') {
      const { contactId, erasedBy, legalBasis, reason } = event.data;
      return { status: 'erased', contactId, erasedBy, legalBasis, reason };
    }
    if (event.type === 'ContactCreated') {
      const { contactId, email, firstName, lastName, phone, jobTitle, country, ...classification } = event.data;
      return {
        status: 'active',
        contactId,
        profile: { email, firstName, lastName, phone, jobTitle, country },
        ...classification,
        absorbedContactIds: [],
        revision: 0,
        decisions: { marketingStatus: CREATED, lifecycleStage: CREATED, properties: {} },
      };
    }
    if (state.status !== 'active') return state;
    const next = evolveActive(state, event, state.revision + 1);
    return next.status === 'active' ? { ...next, revision: state.revision + 1 } : next;
  },
  initialState: () => ({ status: 'absent' }),
};
