import { Inject, Logger } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  CommandExecutor,
  ContactService,
  type CommandResult,
  type ContactStreamCommand,
  type ExecuteOptions,
  type NewContact,
  type RequestContext,
} from '#application';
import type { UpdateContact } from '#domain/contact';

export type { ContactStreamCommand } from '#application';

// The api's dispatch of contact commands; the use cases are ContactService in libs/application (framework-free).
const contactService = (executor: CommandExecutor): ContactService => {
  const logger = new Logger('unique-values');
  return new ContactService(executor, (message) => logger.warn(message));
};

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
  private readonly service: ContactService;

  constructor(@Inject(CommandExecutor) executor: CommandExecutor) {
    this.service = contactService(executor);
  }

  execute({ command, context, options }: ExecuteContactCommand): Promise<CommandResult> {
    return this.service.handle(command, context, options);
  }
}

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
  private readonly service: ContactService;

  constructor(@Inject(CommandExecutor) executor: CommandExecutor) {
    this.service = contactService(executor);
  }

  execute({ contact, context }: CreateContactCommand): Promise<CommandResult> {
    return this.service.create(contact, context);
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
  private readonly service: ContactService;

  constructor(@Inject(CommandExecutor) executor: CommandExecutor) {
    this.service = contactService(executor);
  }

  execute({ command, context, options }: UpdateContactCommand): Promise<CommandResult> {
    return this.service.update(command, context, options);
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
  private readonly service: ContactService;

  constructor(@Inject(CommandExecutor) executor: CommandExecutor) {
    this.service = contactService(executor);
  }

  execute({ primaryId, duplicateId, context }: MergeContactsCommand): Promise<CommandResult> {
    return this.service.merge(primaryId, duplicateId, context);
  }
}
