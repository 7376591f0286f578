import { Inject, Logger } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AssociationService, CommandExecutor, ContactService, DealService, type AssociationRequest, type CommandResult, type RequestContext } from '#application';

export class ExecuteAssociationCommand extends Command<CommandResult> {
  constructor(
    readonly action: 'associate' | 'dissociate',
    readonly request: AssociationRequest,
    readonly context: RequestContext,
  ) {
    super();
  }
}

// The api's dispatch of association commands; the use case is AssociationService in libs/application.
@CommandHandler(ExecuteAssociationCommand)
export class AssociationCommandHandler implements ICommandHandler<ExecuteAssociationCommand> {
  private readonly service: AssociationService;

  constructor(@Inject(CommandExecutor) executor: CommandExecutor) {
    const logger = new Logger('unique-values');
    const warn = (message: string) => logger.warn(message);
    this.service = new AssociationService(executor, new ContactService(executor, warn), new DealService(executor, warn));
  }

  execute({ action, request, context }: ExecuteAssociationCommand): Promise<CommandResult> {
    return action === 'associate' ? this.service.associate(request, context) : this.service.dissociate(request, context);
  }
}
