// Stores the tickets read model: per batch, load the touched tickets and pipelines in one query each, reduce in
// memory, and write what changed with one multi-row upsert per table.
import type { RecordedEvent } from '#event-store';
import type { ProjectionDefinition } from '#projection-engine';
import type { TicketPriority } from '#domain/ticket';
import {
  reduceTickets,
  TICKET_EVENT_TYPES,
  TICKET_PIPELINE_EVENT_TYPES,
  type TicketPipeline,
  type TicketPipelineStage,
  type TicketRow,
  type TicketsEvent,
  type TicketStatus,
} from './tickets.projection.js';
import { fieldColumns, selectByKeys, writeRows } from '../pg-rows.js';
import { TICKETS_SCHEMA, TICKETS_TABLES as T } from './tickets.tables.js';

type TicketRecord = {
  ticket_id: string;
  pipeline_id: string;
  stage_id: string;
  priority: TicketPriority;
  owner_id: string | null;
  status: TicketStatus;
  created_at: Date;
  closed_at: Date | null;
  entered_stage_at: Date;
};

type PipelineRecord = { pipeline_id: string; name: string; stages: TicketPipelineStage[] };

const toTicket = (r: TicketRecord): TicketRow => ({
  ticketId: r.ticket_id,
  pipelineId: r.pipeline_id,
  stageId: r.stage_id,
  priority: r.priority,
  ownerId: r.owner_id,
  status: r.status,
  createdAt: r.created_at.toISOString(),
  closedAt: r.closed_at ? r.closed_at.toISOString() : null,
  enteredStageAt: r.entered_stage_at.toISOString(),
});

const toPipeline = (r: PipelineRecord): TicketPipeline => ({ pipelineId: r.pipeline_id, name: r.name, stages: r.stages });

// The filter lets only these types through; their data was validated against the catalog at append time.
const asTicketsEvent = (event: RecordedEvent) => ({
  event: { type: event.type, data: event.data } as TicketsEvent,
  occurredAt: event.metadata.occurredAt,
});

const keyOf = ({ event }: { event: TicketsEvent }): { ticketId?: string; pipelineId?: string } =>
  'ticketId' in event.data ? { ticketId: event.data.ticketId } : { pipelineId: event.data.pipelineId };

const TICKET_COLUMNS = fieldColumns<TicketRow>({
  ticketId: 'text', pipelineId: 'text', stageId: 'text', priority: 'text', ownerId: 'text', status: 'text',
  createdAt: 'timestamptz', closedAt: 'timestamptz', enteredStageAt: 'timestamptz',
});

const PIPELINE_COLUMNS = fieldColumns<TicketPipeline>({ pipelineId: 'text', name: 'text', stages: 'jsonb' });

export const ticketsProjection: ProjectionDefinition = {
  ...TICKETS_SCHEMA,
  codeVersion: 1,
  filter: { eventTypes: [...TICKET_EVENT_TYPES, ...TICKET_PIPELINE_EVENT_TYPES] },
  apply: async (events, { tx, table }) => {
    const batch = events.map(asTicketsEvent);
    const keys = batch.map(keyOf);
    const ticketIds = [...new Set(keys.flatMap((k) => k.ticketId ?? []))];
    const pipelineIds = [...new Set(keys.flatMap((k) => k.pipelineId ?? []))];
    const tickets = (await selectByKeys<TicketRecord>(tx, table(T.tickets), 'ticket_id', ticketIds)).map(toTicket);
    const pipelines = (await selectByKeys<PipelineRecord>(tx, table(T.pipelines), 'pipeline_id', pipelineIds)).map(toPipeline);
    const changes = reduceTickets(
      {
        tickets: new Map(tickets.map((t) => [t.ticketId, t])),
        pipelines: new Map(pipelines.map((p) => [p.pipelineId, p])),
      },
      batch,
    );
    await writeRows(tx, table(T.tickets), TICKET_COLUMNS, changes.tickets, { key: ['ticket_id'], then: 'replace' });
    await writeRows(tx, table(T.pipelines), PIPELINE_COLUMNS, changes.pipelines, { key: ['pipeline_id'], then: 'replace' });
  },
};
