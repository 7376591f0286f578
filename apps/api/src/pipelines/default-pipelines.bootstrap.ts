// The default deal pipeline ('default') and ticket pipeline ('support') exist from the first start. Their event ids
// and correlation id derive from a fixed seed, so processes starting at once append identical events: the store
// keeps the first, and the others find them stored (or lose the race with a conflict, which is just as good).
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import {
  CommandExecutor,
  deterministicUuid,
  idempotentIds,
  type RequestContext,
} from '#application';
import {
  defaultDealPipeline,
  defaultTicketPipeline,
  pipelineDecider,
  pipelineStream,
  type CreatePipeline,
} from '#domain/pipeline';
import { DomainError } from '#domain/shared';
import { DuplicateEventIds, WrongExpectedRevision } from '#event-store';

const SEED = 'tally:default-pipelines:v1';

const lostTheRace = (error: unknown): boolean =>
  (error instanceof DomainError && error.code === 'ALREADY_EXISTS') ||
  error instanceof WrongExpectedRevision ||
  error instanceof DuplicateEventIds;

@Injectable()
export class DefaultPipelines implements OnApplicationBootstrap {
  private readonly logger = new Logger('pipelines');

  constructor(@Inject(CommandExecutor) private readonly executor: CommandExecutor) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const pipeline of [defaultDealPipeline, defaultTicketPipeline]) await this.ensure(pipeline);
  }

  private async ensure(data: CreatePipeline['data']): Promise<void> {
    const stream = pipelineStream(data.pipelineId);
    const { revision } = await this.executor.load(stream, pipelineDecider);
    if (revision !== -1) return;
    const now = new Date().toISOString();
    const context: RequestContext = {
      actor: 'system',
      correlationId: deterministicUuid(SEED, `correlation:${data.pipelineId}`),
      causationId: null,
      now,
      source: 'system',
      ids: idempotentIds(`${SEED}:${data.pipelineId}`),
    };
    try {
      await this.executor.execute(stream, pipelineDecider, { type: 'CreatePipeline', data, metadata: { now } }, context);
      this.logger.log(`created the default ${data.objectType} pipeline '${data.pipelineId}'`);
    } catch (error) {
      if (!lostTheRace(error)) throw error;
    }
  }
}
