import {
  engagementDecider,
  engagementStream,
  type CompleteTask,
  type EngagementCommand,
} from '#domain/engagement';
import { notFound, type Command as DomainCommand } from '#domain/shared';
import type { CommandExecutor, CommandResult, ExecuteOptions } from '../command-executor.js';
import type { RequestContext } from '../request-context.js';

/** completedBy omitted: the task's owner ticked it off. */
export type CompleteTaskRequest = DomainCommand<'CompleteTask', Omit<CompleteTask['data'], 'completedBy'> & Readonly<{ completedBy?: string }>>;
export type EngagementRequest = Exclude<EngagementCommand, CompleteTask> | CompleteTaskRequest;

/** Engagement commands: complete the request from the stream where it leaves a field out, decide, append. */
export class EngagementService {
  constructor(private readonly executor: CommandExecutor) {}

  async handle(request: EngagementRequest, context: RequestContext, options: ExecuteOptions = {}): Promise<CommandResult> {
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
