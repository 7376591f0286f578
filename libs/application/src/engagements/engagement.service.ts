import {
  engagementDecider,
  engagementStream,
  type CompleteTask,
  type EngagementCommand,
  type LogEngagement,
} from '#domain/engagement';
import { DomainError, notFound, type Command as DomainCommand } from '#domain/shared';
import type { CommandExecutor, CommandResult, ExecuteOptions } from '../command-executor.js';
import { validationFailed } from '../errors/application-error.js';
import type { RequestContext } from '../request-context.js';
import { actingOwner } from './engagement-owner.js';

/** ownerId omitted: the owner the caller's key is bound to (required with an unbound key). */
export type LogEngagementRequest = DomainCommand<'LogEngagement', Omit<LogEngagement['data'], 'ownerId'> & Readonly<{ ownerId?: string }>>;
/** completedBy omitted: the key's owner when it is bound to one, else the task's owner ticked it off. */
export type CompleteTaskRequest = DomainCommand<'CompleteTask', Omit<CompleteTask['data'], 'completedBy'> & Readonly<{ completedBy?: string }>>;
export type EngagementRequest = Exclude<EngagementCommand, LogEngagement | CompleteTask> | LogEngagementRequest | CompleteTaskRequest;

/** Engagement commands: complete the request from the caller's key or the stream where it leaves a field out, decide, append. */
export class EngagementService {
  constructor(private readonly executor: CommandExecutor) {}

  async handle(request: EngagementRequest, context: RequestContext, options: ExecuteOptions = {}): Promise<CommandResult> {
    const command = await this.complete(request, context);
    try {
      return await this.executor.execute(engagementStream(request.data.engagementId), engagementDecider, command, context, options);
    } catch (error) {
      // A field the engagement's kind does not have is bad input, like a field no engagement has: 400 naming it.
      if (error instanceof DomainError && error.details.rule === 'field-not-for-kind' && typeof error.details.field === 'string')
        throw validationFailed([{ field: error.details.field, reason: error.message }]);
      throw error;
    }
  }

  private async complete(request: EngagementRequest, context: RequestContext): Promise<EngagementCommand> {
    switch (request.type) {
      case 'LogEngagement':
        return { ...request, data: { ...request.data, ownerId: actingOwner(context, request.data.ownerId, 'ownerId') } };
      case 'CompleteTask': {
        const { engagementId, completedBy } = request.data;
        if (context.ownerId !== undefined) return { ...request, data: { engagementId, completedBy: actingOwner(context, completedBy, 'completedBy') } };
        if (completedBy !== undefined) return { ...request, data: { engagementId, completedBy } };
        // An engagement's owner never changes, so reading it ahead of the executor's own read cannot go stale.
        const { state } = await this.executor.load(engagementStream(engagementId), engagementDecider);
        if (state === null) throw notFound('engagement', engagementId);
        return { ...request, data: { engagementId, completedBy: state.ownerId } };
      }
      default:
        return request;
    }
  }
}
