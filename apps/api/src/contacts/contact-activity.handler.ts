import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  CommandExecutor,
  ContactActivityService,
  type CommandResult,
  type RequestContext,
} from '#application';
import type { ContactActivityCommand, RecordEmailEvent } from '#domain/contact';

/** Behaviour: a page view, a form submission or a marketing email event. */
export class RecordContactActivityCommand extends Command<CommandResult> {
  constructor(
    readonly command: ContactActivityCommand | RecordEmailEvent,
    readonly context: RequestContext,
  ) {
    super();
  }
}

// The api's dispatch of contact activity; the use case is ContactActivityService in libs/application (framework-free).
@CommandHandler(RecordContactActivityCommand)
export class RecordContactActivityHandler implements ICommandHandler<RecordContactActivityCommand> {
  private readonly service: ContactActivityService;

  constructor(@Inject(CommandExecutor) executor: CommandExecutor) {
    this.service = new ContactActivityService(executor);
  }

  execute({ command, context }: RecordContactActivityCommand): Promise<CommandResult> {
    return this.service.handle(command, context);
  }
}
