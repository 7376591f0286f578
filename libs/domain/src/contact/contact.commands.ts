import type { Command } from '../shared/index.js';
import type { ContactSource, MarketingPolicy, MarketingStatus } from '../marketing-policy/index.js';
import type { CauseRevision, ContactProfile, ContactProperties, ErasureLegalBasis, LifecycleStage } from './contact.events.js';

export type CreateContact = Command<
  'CreateContact',
  Readonly<{
    contactId: string;
    email: string;
    firstName?: string;
    lastName?: string;
    phone?: string;
    jobTitle?: string;
    country?: string;
    companyId?: string;
    ownerId?: string;
    properties?: ContactProperties;
    source: ContactSource;
    /** The current policy, read by the handler from the settings stream. */
    marketingPolicy: MarketingPolicy;
  }>
>;
// causeRevision (automation only, see CauseRevision): a field decided again after the cause refuses the command as
// superseded (RULE_VIOLATED, rule 'superseded'), naming the later decision. A person's command carries none.
/** changes: only what to set; null (or blank text) clears an optional field or a custom property. */
export type UpdateContact = Command<
  'UpdateContact',
  Readonly<{ contactId: string; changes: Partial<ContactProfile> & Readonly<{ properties?: ContactProperties }> } & CauseRevision>
>;
export type ChangeLifecycleStage = Command<'ChangeLifecycleStage', Readonly<{ contactId: string; stage: LifecycleStage } & CauseRevision>>;
export type ChangeMarketingStatus = Command<
  'ChangeMarketingStatus',
  Readonly<{ contactId: string; status: MarketingStatus; reason: string } & CauseRevision>
>;
export type AssignContactOwner = Command<'AssignContactOwner', Readonly<{ contactId: string; ownerId: string | null }>>;
export type AssociateContactWithCompany = Command<
  'AssociateContactWithCompany',
  Readonly<{ contactId: string; companyId: string }>
>;
export type DissociateContactFromCompany = Command<
  'DissociateContactFromCompany',
  Readonly<{ contactId: string; companyId: string }>
>;
/** Decided on the duplicate's stream. */
export type MergeContactInto = Command<'MergeContactInto', Readonly<{ contactId: string; mergedInto: string }>>;
/** Decided on the primary's stream; mergedEmail is the duplicate's email. */
export type AbsorbContact = Command<
  'AbsorbContact',
  Readonly<{ contactId: string; mergedContactId: string; mergedEmail: string }>
>;
/** erasedBy: the actor (API key) asking; reason is free text that must not repeat the person's data. */
export type EraseContact = Command<
  'EraseContact',
  Readonly<{ contactId: string; erasedBy: string; legalBasis: ErasureLegalBasis; reason: string }>
>;

// Marketing email events arrive as one kind of command. An unsubscribe is the person's decision about marketing and
// is decided on the contact stream (the default workflow then sets the status); the others are behaviour and go to
// the activity stream.
export const CONTACT_STREAM_EMAIL_EVENT_KINDS = ['unsubscribed'] as const;
export const ACTIVITY_STREAM_EMAIL_EVENT_KINDS = ['delivered', 'opened', 'clicked', 'bounced'] as const;
export type ContactStreamEmailEventKind = (typeof CONTACT_STREAM_EMAIL_EVENT_KINDS)[number];
export type ActivityStreamEmailEventKind = (typeof ACTIVITY_STREAM_EMAIL_EVENT_KINDS)[number];
export type EmailEventKind = ContactStreamEmailEventKind | ActivityStreamEmailEventKind;

/** url: the clicked link, for 'clicked'. */
export type RecordEmailEvent<Kind extends EmailEventKind = EmailEventKind> = Command<
  'RecordEmailEvent',
  Readonly<{ contactId: string; emailId: string; kind: Kind; url?: string }>
>;

export type RoutedEmailEvent =
  | Readonly<{ stream: 'contact'; command: RecordEmailEvent<ContactStreamEmailEventKind> }>
  | Readonly<{ stream: 'activity'; command: RecordEmailEvent<ActivityStreamEmailEventKind> }>;

/** Which stream decides an email event: 'contact' -> contactDecider, 'activity' -> decideEmailEvent. */
export const routeEmailEvent = (command: RecordEmailEvent): RoutedEmailEvent => {
  const { kind } = command.data;
  return kind === 'unsubscribed'
    ? { stream: 'contact', command: { ...command, data: { ...command.data, kind } } }
    : { stream: 'activity', command: { ...command, data: { ...command.data, kind } } };
};

export type ContactCommand =
  | CreateContact
  | UpdateContact
  | ChangeLifecycleStage
  | ChangeMarketingStatus
  | RecordEmailEvent<ContactStreamEmailEventKind>
  | AssignContactOwner
  | AssociateContactWithCompany
  | DissociateContactFromCompany
  | MergeContactInto
  | AbsorbContact
  | EraseContact;
