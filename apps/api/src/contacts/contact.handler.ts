import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  CommandExecutor,
  type CommandResult,
  type ExecuteOptions,
  type RequestContext,
} from '../../../../libs/application/src/index.js';
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
} from '../../../../libs/domain/src/contact/index.js';
import { MARKETING_POLICY_STREAM, marketingPolicyDecider } from '../../../../libs/domain/src/marketing-policy/index.js';
import { contactHasEmail, requireCompany, requireOwner } from './contact-references.js';
import { releaseUniqueValue, withUniqueValue } from './unique-value-claims.js';

/** Commands that touch the contact stream alone; create, update and merge also move email claims. */
export type ContactStreamCommand = Exclude<ContactCommand, CreateContact | UpdateContact | MergeContactInto | AbsorbContact>;

export class ExecuteContactCommand extends Command<CommandResult> {
  constructor(
    readonly command: ContactStreamCommand,
    readonly context: RequestContext,
    readonly options: ExecuteOptions = {},
  ) {
    super();
  }
}

@CommandHandler(ExecuteContactCommand)
export class ContactCommandHandler implements ICommandHandler<ExecuteContactCommand> {
  constructor(@Inject(CommandExecutor) private readonly executor: CommandExecutor) {}

  async execute({ command, context, options }: ExecuteContactCommand): Promise<CommandResult> {
    if (command.type === 'AssignContactOwner' && command.data.ownerId !== null) await requireOwner(this.executor, command.data.ownerId);
    if (command.type === 'AssociateContactWithCompany' || command.type === 'DissociateContactFromCompany') {
      await requireCompany(this.executor, command.data.companyId);
    }
    return this.executor.execute(contactStream(command.data.contactId), contactDecider, command, context, options);
  }
}

/** A new contact as asked for; the handler adds the marketing policy in force. */
export type NewContact = Omit<CreateContact['data'], 'marketingPolicy'>;

export class CreateContactCommand extends Command<CommandResult> {
  constructor(
    readonly contact: NewContact,
    readonly context: RequestContext,
  ) {
    super();
  }
}

@CommandHandler(CreateContactCommand)
export class CreateContactHandler implements ICommandHandler<CreateContactCommand> {
  constructor(@Inject(CommandExecutor) private readonly executor: CommandExecutor) {}

  async execute({ contact, context }: CreateContactCommand): Promise<CommandResult> {
    const { state: settings } = await this.executor.load(MARKETING_POLICY_STREAM, marketingPolicyDecider);
    const command: CreateContact = {
      type: 'CreateContact',
      data: { ...contact, marketingPolicy: settings.policy },
      metadata: { now: context.now },
    };
    // Decided once up front so a bad request fails before it claims the email.
    contactDecider.decide(command, contactDecider.initialState());
    if (contact.companyId !== undefined) await requireCompany(this.executor, contact.companyId);
    if (contact.ownerId !== undefined) await requireOwner(this.executor, contact.ownerId);

    const change = {
      kind: 'contact-email',
      ownerId: contact.contactId,
      from: null,
      to: normalizeEmail(contact.email),
      holderHasValue: contactHasEmail(this.executor),
    } as const;
    return withUniqueValue(this.executor, change, context, () =>
      this.executor.execute(contactStream(contact.contactId), contactDecider, command, context),
    );
  }
}

export class UpdateContactCommand extends Command<CommandResult> {
  constructor(
    readonly command: UpdateContact,
    readonly context: RequestContext,
    readonly options: ExecuteOptions = {},
  ) {
    super();
  }
}

@CommandHandler(UpdateContactCommand)
export class UpdateContactHandler implements ICommandHandler<UpdateContactCommand> {
  constructor(@Inject(CommandExecutor) private readonly executor: CommandExecutor) {}

  async execute({ command, context, options }: UpdateContactCommand): Promise<CommandResult> {
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
    if (emailChange === undefined) return this.executor.execute(stream, contactDecider, command, context, options);

    const change = {
      kind: 'contact-email',
      ownerId: command.data.contactId,
      from: String(emailChange.previous),
      to: String(emailChange.value),
      holderHasValue: contactHasEmail(this.executor),
    } as const;
    // Pinned to the revision decided on, so the email claimed is the email written.
    return withUniqueValue(this.executor, change, context, () =>
      this.executor.execute(stream, contactDecider, command, context, { ...options, ifMatch: revision }),
    );
  }
}

export class MergeContactsCommand extends Command<CommandResult> {
  constructor(
    readonly primaryId: string,
    readonly duplicateId: string,
    readonly context: RequestContext,
  ) {
    super();
  }
}

@CommandHandler(MergeContactsCommand)
export class MergeContactsHandler implements ICommandHandler<MergeContactsCommand> {
  constructor(@Inject(CommandExecutor) private readonly executor: CommandExecutor) {}

  async execute({ primaryId, duplicateId, context }: MergeContactsCommand): Promise<CommandResult> {
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
