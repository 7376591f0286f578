// Stores the tickets read model: per batch, load the touched tickets and pipelines in one query each, reduce in
// memory, and write what changed with one multi-row upsert per table.
import type pg from 'pg';
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
import { pgInstant, pgInstantOrNull } from '../pg-values.js';
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

// The filter lets only these types through; their data was validated against the catalog at append time.
const asTicketsEvent = (event: RecordedEvent) => ({
  event: { type: event.type, data: event.data } as TicketsEvent,
  occurredAt: event.metadata.occurredAt,
});

const keyOf = ({ event }: { event: TicketsEvent }): { ticketId?: string; pipelineId?: string } =>
  'ticketId' in event.data ? { ticketId: event.data.ticketId } : { pipelineId: event.data.pipelineId };

const loadTickets = async (tx: pg.PoolClient, table: string, ids: readonly string[]) =>
  ids.length === 0
    ? []
    : (await tx.query<TicketRecord>(`SELECT * FROM ${table} WHERE ticket_id = ANY($1::text[])`, [ids])).rows.map(toTicket);

const loadPipelines = async (tx: pg.PoolClient, table: string, ids: readonly string[]): Promise<TicketPipeline[]> =>
  ids.length === 0
    ? []
    : (await tx.query<PipelineRecord>(`SELECT * FROM ${table} WHERE pipeline_id = ANY($1::text[])`, [ids])).rows.map((r) => ({
        pipelineId: r.pipeline_id,
        name: r.name,
        stages: r.stages,
      }));

export const ticketsProjection: ProjectionDefinition = {
  ...TICKETS_SCHEMA,
  codeVersion: 1,
  filter: { eventTypes: [...TICKET_EVENT_TYPES, ...TICKET_PIPELINE_EVENT_TYPES] },
  apply: async (events, { tx, table }) => {
    const batch = events.map(asTicketsEvent);
    const keys = batch.map(keyOf);
    const ticketIds = [...new Set(keys.flatMap((k) => k.ticketId ?? []))];
    const pipelineIds = [...new Set(keys.flatMap((k) => k.pipelineId ?? []))];
    const tickets = await loadTickets(tx, table(T.tickets), ticketIds);
    const pipelines = await loadPipelines(tx, table(T.pipelines), pipelineIds);
    const changes = reduceTickets(
      {
        tickets: new Map(tickets.map((t) => [t.ticketId, t])),
        pipelines: new Map(pipelines.map((p) => [p.pipelineId, p])),
      },
      batch,
    );
    if (changes.tickets.length > 0) {
      const rows = changes.tickets;
      await tx.query(
        `INSERT INTO ${table(T.tickets)}
           (ticket_id, pipeline_id, stage_id, priority, owner_id, status, created_at, closed_at, entered_stage_at)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                              $7::timestamptz[], $8::timestamptz[], $9::timestamptz[])
         ON CONFLICT (ticket_id) DO UPDATE SET
           pipeline_id = excluded.pipeline_id, stage_id = excluded.stage_id, priority = excluded.priority,
           owner_id = excluded.owner_id, status = excluded.status, created_at = excluded.created_at,
           closed_at = excluded.closed_at, entered_stage_at = excluded.entered_stage_at`,
        [
          rows.map((r) => r.ticketId),
          rows.map((r) => r.pipelineId),
          rows.map((r) => r.stageId),
          rows.map((r) => r.priority),
          rows.map((r) => r.ownerId),
          rows.map((r) => r.status),
          rows.map((r) => pgInstant(r.createdAt)),
          rows.map((r) => pgInstantOrNull(r.closedAt)),
          rows.map((r) => pgInstant(r.enteredStageAt)),
        ],
      );
    }
    if (changes.pipelines.length > 0) {
      const rows = changes.pipelines;
      await tx.query(
        `INSERT INTO ${table(T.pipelines)} (pipeline_id, name, stages)
         SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[])
         ON CONFLICT (pipeline_id) DO UPDATE SET name = excluded.name, stages = excluded.stages`,
        [rows.map((r) => r.pipelineId), rows.map((r) => r.name), rows.map((r) => JSON.stringify(r.stages))],
      );
    }
  },
};
