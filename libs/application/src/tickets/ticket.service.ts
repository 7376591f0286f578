import { pipelineDecider, pipelineStream, requirePipeline, type Pipeline } from '#domain/pipeline';
import { notFound, type Command as DomainCommand } from '#domain/shared';
import {
  ticketDecider,
  ticketStream,
  type CreateTicket,
  type MoveTicketToStage,
  type TicketCommand,
} from '#domain/ticket';
import type { CommandExecutor, CommandResult, ExecuteOptions } from '../command-executor.js';
import type { ClaimWarning } from '../contacts/unique-value-claims.js';
import { RecordProperties, withCheckedValues } from '../properties/record-properties.js';
import type { RequestContext } from '../request-context.js';

// Ticket commands as the edge builds them: a new ticket names its pipeline by id, a stage move names none (the
// ticket knows its pipeline); the service reads the pipeline they are decided against. A new ticket may still name
// one contact and one deal (contactId, dealId), as the API did before tickets had lists of them.
export type CreateTicketRequest = DomainCommand<
  'CreateTicket',
  Omit<CreateTicket['data'], 'pipeline'> & Readonly<{ pipelineId: string; contactId?: string; dealId?: string }>
>;
export type MoveTicketToStageRequest = DomainCommand<'MoveTicketToStage', Omit<MoveTicketToStage['data'], 'pipeline'>>;
export type TicketRequest = CreateTicketRequest | MoveTicketToStageRequest | Exclude<TicketCommand, CreateTicket | MoveTicketToStage>;

/** Ticket commands: load the pipeline they are decided against, check custom properties, then the ticket's stream, decide, append. */
export class TicketService {
  private readonly properties: RecordProperties;

  constructor(
    private readonly executor: CommandExecutor,
    warn: ClaimWarning,
  ) {
    this.properties = new RecordProperties(executor, warn);
  }

  async handle(request: TicketRequest, context: RequestContext, options: ExecuteOptions = {}): Promise<CommandResult> {
    const { ticketId } = request.data;
    const stream = ticketStream(ticketId);
    const requested = await this.withPipeline(request);
    if (requested.type !== 'CreateTicket' && requested.type !== 'ChangeTicketProperties') {
      return this.executor.execute(stream, ticketDecider, requested, context, options);
    }
    const properties = await this.properties.check('ticket', requested.data.properties ?? {});
    const command = withCheckedValues(requested, properties);
    const { state, revision } = await this.executor.load(stream, ticketDecider);
    // A stale If-Match goes straight to the executor: it answers a stored retry, or refuses without a claim.
    if (!this.properties.claimsAny(properties) || (options.ifMatch !== undefined && options.ifMatch !== revision)) {
      return this.executor.execute(stream, ticketDecider, command, context, options);
    }
    // Decided up front so a bad request fails before it claims a value; pinned to the revision decided on.
    ticketDecider.decide(command, state);
    return this.properties.withUniqueValues(ticketId, state?.properties ?? {}, properties, context, () =>
      this.executor.execute(stream, ticketDecider, command, context, { ...options, ifMatch: revision }),
    );
  }

  private async withPipeline(request: TicketRequest): Promise<TicketCommand> {
    switch (request.type) {
      case 'CreateTicket': {
        const { pipelineId, contactId, dealId, ...data } = request.data;
        const contactIds = [...(data.contactIds ?? []), ...(contactId === undefined ? [] : [contactId])];
        const dealIds = [...(data.dealIds ?? []), ...(dealId === undefined ? [] : [dealId])];
        return { ...request, data: { ...data, contactIds, dealIds, pipeline: await this.pipeline(pipelineId) } };
      }
      case 'MoveTicketToStage':
        return { ...request, data: { ...request.data, pipeline: await this.pipelineOfTicket(request.data.ticketId) } };
      default:
        return request;
    }
  }

  private async pipeline(pipelineId: string): Promise<Pipeline> {
    const { state } = await this.executor.load(pipelineStream(pipelineId), pipelineDecider);
    return requirePipeline(state, pipelineId);
  }

  // A ticket never changes pipeline, so reading it ahead of the executor's own read cannot go stale.
  private async pipelineOfTicket(ticketId: string): Promise<Pipeline> {
    const { state } = await this.executor.load(ticketStream(ticketId), ticketDecider);
    if (state === null) throw notFound('ticket', ticketId);
    return this.pipeline(state.pipelineId);
  }
}
