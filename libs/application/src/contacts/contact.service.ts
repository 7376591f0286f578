import {
  contactDecider,
  contactStream,
  normalizeEmail,
  requireActiveContact,
  type AbsorbContact,
  type ContactCommand,
  type CreateContact,
  type MergeContactInto,
  type UpdateContact,
} from '#domain/contact';
import { MARKETING_POLICY_STREAM, marketingPolicyDecider } from '#domain/marketing-policy';
import type { CommandExecutor, CommandResult, ExecuteOptions } from '../command-executor.js';
import { RecordProperties } from '../properties/record-properties.js';
import type { RequestContext } from '../request-context.js';
import { contactHasEmail, requireCompany, requireOwner } from './contact-references.js';
import { releaseUniqueValue, withUniqueValue, type ClaimWarning } from './unique-value-claims.js';

/** Commands that touch the contact stream alone; create, update and merge also move email claims. */
export type ContactStreamCommand = Exclude<ContactCommand, CreateContact | UpdateContact | MergeContactInto | AbsorbContact>;

/** A new contact as asked for; the service adds the marketing policy in force. */
export type NewContact = Omit<CreateContact['data'], 'marketingPolicy'>;

/** Contact commands: check the records they point at and the custom properties, move the claims, decide, append. */
export class ContactService {
  private readonly properties: RecordProperties;

  constructor(
    private readonly executor: CommandExecutor,
    private readonly warn: ClaimWarning,
  ) {
    this.properties = new RecordProperties(executor, warn);
  }

  async handle(command: ContactStreamCommand, context: RequestContext, options: ExecuteOptions = {}): Promise<CommandResult> {
    if (command.type === 'AssignContactOwner' && command.data.ownerId !== null) await requireOwner(this.executor, command.data.ownerId);
    if (command.type === 'AssociateContactWithCompany' || command.type === 'DissociateContactFromCompany') {
      await requireCompany(this.executor, command.data.companyId);
    }
    return this.executor.execute(contactStream(command.data.contactId), contactDecider, command, context, options);
  }

  async create(contact: NewContact, context: RequestContext): Promise<CommandResult> {
    const properties = await this.properties.check('contact', contact.properties ?? {});
    const { state: settings } = await this.executor.load(MARKETING_POLICY_STREAM, marketingPolicyDecider);
    const command: CreateContact = {
      type: 'CreateContact',
      data: { ...contact, properties: properties.values, marketingPolicy: settings.policy },
      metadata: { now: context.now },
    };
    // Decided once up front so a bad request fails before it claims the email.
    contactDecider.decide(command, contactDecider.initialState());
    if (contact.companyId !== undefined) await requireCompany(this.executor, contact.companyId);
    if (contact.ownerId !== undefined) await requireOwner(this.executor, contact.ownerId);

    return this.properties.withUniqueValues(contact.contactId, {}, properties, context, () =>
      this.withEmail(contact.contactId, null, normalizeEmail(contact.email), context, () =>
        this.executor.execute(contactStream(contact.contactId), contactDecider, command, context),
      ),
    );
  }

  async update(request: UpdateContact, context: RequestContext, options: ExecuteOptions = {}): Promise<CommandResult> {
    const requested = request.data.changes.properties;
    const properties = requested === undefined ? null : await this.properties.check('contact', requested);
    const command: UpdateContact =
      properties === null ? request : { ...request, data: { ...request.data, changes: { ...request.data.changes, properties: properties.values } } };
    const stream = contactStream(command.data.contactId);
    const { state, revision } = await this.executor.load(stream, contactDecider);
    // A stale If-Match goes straight to the executor: it answers a stored retry, or refuses without a claim.
    if (options.ifMatch !== undefined && options.ifMatch !== revision) {
      return this.executor.execute(stream, contactDecider, command, context, options);
    }
    const emailChange = contactDecider
      .decide(command, state)
      .flatMap((event) => (event.type === 'ContactPropertiesChanged' ? event.data.changes : []))
      .find((change) => change.property === 'email');
    if (emailChange === undefined && !(properties !== null && this.properties.claimsAny(properties))) {
      return this.executor.execute(stream, contactDecider, command, context, options);
    }
    // Pinned to the revision decided on, so the values claimed are the values written.
    const write = () => this.executor.execute(stream, contactDecider, command, context, { ...options, ifMatch: revision });
    const withEmail =
      emailChange === undefined ? write : () => this.withEmail(command.data.contactId, String(emailChange.previous), String(emailChange.value), context, write);
    if (properties === null) return withEmail();
    return this.properties.withUniqueValues(command.data.contactId, state.status === 'active' ? state.properties : {}, properties, context, withEmail);
  }

  /** Runs `command` under the claim of the contact's new email, then gives the old one back. */
  private withEmail(contactId: string, from: string | null, to: string, context: RequestContext, command: () => Promise<CommandResult>): Promise<CommandResult> {
    const change = { kind: 'contact-email', ownerId: contactId, from, to, holderHasValue: contactHasEmail(this.executor) } as const;
    return withUniqueValue(this.executor, change, context, command, this.warn);
  }

  async merge(primaryId: string, duplicateId: string, context: RequestContext): Promise<CommandResult> {
    const metadata = { now: context.now };
    const duplicate = await this.executor.load(contactStream(duplicateId), contactDecider);
    const primary = await this.executor.load(contactStream(primaryId), contactDecider);

    const mergeInto: MergeContactInto = { type: 'MergeContactInto', data: { contactId: duplicateId, mergedInto: primaryId }, metadata };
    // A merge stopped after the duplicate's append resumes here: the duplicate already points at the primary.
    const found = duplicate.state;
    const resumed = found.status === 'merged' && found.mergedInto === primaryId;
    const duplicateEvents = resumed ? [] : contactDecider.decide(mergeInto, found);
    const mergedEmail = resumed ? found.email : requireActiveContact(found, duplicateId).profile.email;
    const absorb: AbsorbContact = {
      type: 'AbsorbContact',
      data: { contactId: primaryId, mergedContactId: duplicateId, mergedEmail },
      metadata,
    };
    // Both sides are decided before either is written, so a refused merge writes nothing.
    const primaryEvents = contactDecider.decide(absorb, primary.state);

    const written = await this.executor.append(contactStream(duplicateId), duplicateEvents, mergeInto, context, {
      expectedRevision: duplicate.revision,
    });
    const absorbed = await this.executor.append(contactStream(primaryId), primaryEvents, absorb, context, {
      expectedRevision: primary.revision,
    });
    await releaseUniqueValue(this.executor, 'contact-email', mergedEmail, duplicateId, context);
    return {
      streamName: contactStream(primaryId),
      revision: primaryEvents.length === 0 ? primary.revision : absorbed.revision,
      position: absorbed.position ?? written.position,
      events: [...duplicateEvents, ...primaryEvents],
    };
  }
}
