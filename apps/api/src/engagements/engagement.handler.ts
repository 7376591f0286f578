import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  CommandExecutor,
  type CommandResult,
  type ExecuteOptions,
  type RequestContext,
} from '../../../../libs/application/src/index.js';
import {
  engagementDecider,
  engagementStream,
  type CompleteTask,
  type EngagementCommand,
} from '../../../../libs/domain/src/engagement/index.js';
import { notFound, type Command as DomainCommand } from '../../../../libs/domain/src/shared/index.js';

/** completedBy omitted: the task's owner ticked it off. */
export type CompleteTaskRequest = DomainCommand<'CompleteTask', Omit<CompleteTask['data'], 'completedBy'> & Readonly<{ completedBy?: string }>>;
export type EngagementRequest = Exclude<EngagementCommand, CompleteTask> | CompleteTaskRequest;

export class ExecuteEngagementCommand extends Command<CommandResult> {
  constructor(
    readonly request: EngagementRequest,
    readonly context: RequestContext,
    readonly options: ExecuteOptions = {},
  ) {
    super();
  }
}

@CommandHandler(ExecuteEngagementCommand)
export class EngagementCommandHandler implements ICommandHandler<ExecuteEngagementCommand> {
  constructor(@Inject(CommandExecutor) private readonly executor: CommandExecutor) {}

  async execute({ request, context, options }: ExecuteEngagementCommand): Promise<CommandResult> {
    const command = await this.complete(request);
    return this.executor.execute(engagementStream(request.data.engagementId), engagementDecider, command, context, options);
  }

  private async complete(request: EngagementRequest): Promise<EngagementCommand> {
    if (request.type !== 'CompleteTask') return request;
    const { engagementId, completedBy } = request.data;
    if (completedBy !== undefined) return { ...request, data: { engagementId, completedBy } };
    // An engagement's owner never changes, so reading it ahead of the executor's own read cannot go stale.
    const { state } = await this.executor.load(engagementStream(engagementId), engagementDecider);
    if (state === null) throw notFound('engagement', engagementId);
    return { ...request, data: { engagementId, completedBy: state.ownerId } };
  }
}
