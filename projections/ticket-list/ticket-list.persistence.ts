// Stores the tickets list: per batch, load the tickets and pipelines it touches in one query each, reduce in memory,
// write what changed with one multi-row upsert per table.
import type { PropertyValues } from '#domain/shared';
import type { TicketPriority } from '#domain/ticket';
import type { ProjectionDefinition } from '#projection-engine';
import { sortKeyOf } from '#read-models';
import { saveListProperties } from '../record-lists/list-properties.persistence.js';
import { fieldColumns, probeByKeys, writeRows, type RowColumn } from '../pg-rows.js';
import { loadPipelines, savePipelines } from '../pipeline-health/pipeline-stages.persistence.js';
import { pipelineTablesIn } from '../pipeline-health/pipeline-stages.tables.js';
import {
  isTicketListTicketEvent,
  PRIORITY_RANK,
  reduceTicketList,
  TICKET_LIST_EVENT_TYPES,
  ticketIdOf,
  ticketSearchText,
  type TicketListRow,
  type TicketListStatus,
} from './ticket-list.projection.js';
import { TICKET_LIST_SCHEMA, TICKET_LIST_TABLES as T } from './ticket-list.tables.js';

type TicketRecord = {
  ticket_id: string;
  subject: string;
  pipeline_id: string;
  stage_id: string;
  priority: TicketPriority;
  status: TicketListStatus;
  owner_id: string | null;
  properties: PropertyValues;
  created_at: Date;
};

const toRow = (r: TicketRecord): TicketListRow => ({
  ticketId: r.ticket_id,
  subject: r.subject,
  pipelineId: r.pipeline_id,
  stageId: r.stage_id,
  priority: r.priority,
  status: r.status,
  ownerId: r.owner_id,
  properties: r.properties,
  createdAt: r.created_at.toISOString(),
});

const TICKET_COLUMNS: readonly RowColumn<TicketListRow>[] = [
  ...fieldColumns<TicketListRow>({
    ticketId: 'text', subject: 'text', pipelineId: 'text', stageId: 'text', priority: 'text', status: 'text', ownerId: 'text',
    properties: 'jsonb', createdAt: 'timestamptz',
  }),
  ['subject_key', 'text', (ticket) => sortKeyOf(ticket.subject)],
  ['priority_rank', 'numeric', (ticket) => PRIORITY_RANK[ticket.priority]],
  ['search_text', 'text', ticketSearchText],
];

export const ticketListProjection: ProjectionDefinition = {
  ...TICKET_LIST_SCHEMA,
  codeVersion: 1,
  filter: { eventTypes: TICKET_LIST_EVENT_TYPES },
  // By ticket: every ticket event changes its own ticket's row only, so a partition writes only the rows it owns. The
  // pipelines and property definitions are no ticket's (a row names its stage, it never reads it): partition 0 alone
  // keeps them.
  partitioning: { keysOf: (event) => (isTicketListTicketEvent(event) ? [ticketIdOf(event)] : []) },
  apply: async (events, { tx, table }) => {
    const pipelineTables = pipelineTablesIn(T, { table });
    const ticketIds = [...new Set(events.filter(isTicketListTicketEvent).map(ticketIdOf))];
    const stored = await probeByKeys<TicketRecord>(tx, table(T.tickets), 'ticket_id', ticketIds, [
      'ticket_id', 'subject', 'pipeline_id', 'stage_id', 'priority', 'status', 'owner_id', 'properties', 'created_at',
    ]);
    const state = {
      pipelines: await loadPipelines(tx, pipelineTables, events),
      tickets: new Map(stored.map((r) => [r.ticket_id, toRow(r)])),
    };
    const { changedPipelines, changedTickets } = reduceTicketList(state, events);
    await savePipelines(tx, pipelineTables, changedPipelines);
    await writeRows(tx, table(T.tickets), TICKET_COLUMNS, changedTickets, { key: ['ticket_id'], then: 'replace' });
    await saveListProperties(tx, table(T.properties), 'ticket', events);
  },
};
