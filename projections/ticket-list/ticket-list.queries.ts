// The tickets list: filters by pipeline, stage, owner, priority, status, custom properties and a substring of the
// subject or a property value; a stable sort with keyset paging. One statement answers a page and the build's
// position; each row carries its pipeline's name, its stage's label (this slice's copy of the pipelines) and its
// owner's name (owner_list).
import type { PropertyValues } from '#domain/shared';
import type { TicketPriority } from '#domain/ticket';
import {
  Parameters,
  propertyConditions,
  searchCondition,
  type ListSort,
  type Positioned,
  type PropertyFilter,
  type PropertyFilterDefinition,
  type ReadSource,
  type SortKey,
} from '#read-models';
import { listPropertyDefinitions } from '../record-lists/list-properties.queries.js';
import { readListPage } from '../record-lists/list-page.js';
import { ownerJoin } from '../record-lists/owner-names.js';
import type { TicketListStatus } from './ticket-list.projection.js';
import { TICKET_LIST, TICKET_LIST_TABLES as T } from './ticket-list.tables.js';

export const TICKET_SORT_KEYS: readonly SortKey[] = [
  { name: 'createdAt', sql: 't.created_at', type: 'timestamptz' },
  { name: 'priority', sql: 't.priority_rank', type: 'numeric' },
  { name: 'subject', sql: 't.subject_key', type: 'text' },
];

export const DEFAULT_TICKET_SORT = '-createdAt';

export type TicketListQuery = Readonly<{
  q?: string;
  pipelineId?: string;
  stageId?: string;
  ownerId?: string;
  priority?: TicketPriority;
  status?: TicketListStatus;
  properties: readonly PropertyFilter[];
  sort: ListSort;
  limit: number;
  cursor?: string;
}>;

export type TicketListItem = Readonly<{
  ticketId: string;
  subject: string;
  pipelineId: string;
  pipelineName: string | null;
  stageId: string;
  stageLabel: string | null;
  priority: TicketPriority;
  status: TicketListStatus;
  ownerId: string | null;
  ownerName: string | null;
  createdAt: string;
  properties: PropertyValues;
}>;

export type TicketListPage = Positioned<Readonly<{ data: TicketListItem[]; nextCursor: string | null }>>;

type TicketRecord = {
  ticket_id: string;
  subject: string;
  pipeline_id: string;
  pipeline_name: string | null;
  stage_id: string;
  stage_label: string | null;
  priority: TicketPriority;
  status: TicketListStatus;
  owner_id: string | null;
  owner_name: string | null;
  properties: PropertyValues;
  created_at: Date;
};

const toItem = (r: TicketRecord): TicketListItem => ({
  ticketId: r.ticket_id,
  subject: r.subject,
  pipelineId: r.pipeline_id,
  pipelineName: r.pipeline_name,
  stageId: r.stage_id,
  stageLabel: r.stage_label,
  priority: r.priority,
  status: r.status,
  ownerId: r.owner_id,
  ownerName: r.owner_name,
  createdAt: r.created_at.toISOString(),
  properties: r.properties,
});

const conditionsOf = (query: TicketListQuery, params: Parameters): string[] => {
  const conditions: string[] = [];
  const equal = (column: string, value: string | undefined) => {
    if (value !== undefined) conditions.push(`${column} = ${params.add(value)}`);
  };
  if (query.q !== undefined) conditions.push(searchCondition('t.search_text', query.q, params));
  equal('t.pipeline_id', query.pipelineId);
  equal('t.stage_id', query.stageId);
  equal('t.owner_id', query.ownerId);
  equal('t.priority', query.priority);
  equal('t.status', query.status);
  conditions.push(...propertyConditions('t.properties', query.properties, params));
  return conditions;
};

/** One page of tickets, in one statement with the build's position (an empty page still brings it). */
export const listTickets = async (source: ReadSource, query: TicketListQuery): Promise<TicketListPage> => {
  const params = new Parameters();
  const page = await readListPage<TicketRecord>(source, params, {
    readModel: TICKET_LIST,
    table: T.tickets,
    alias: 't',
    id: 'ticket_id',
    columns: `t.ticket_id, t.subject, t.subject_key, t.pipeline_id, t.stage_id, t.priority, t.priority_rank, t.status, t.owner_id,
              t.properties, t.created_at`,
    conditions: conditionsOf(query, params),
    labels: 'p.name AS pipeline_name, s.label AS stage_label, o.name AS owner_name',
    joins: [
      `LEFT JOIN ${T.pipelines} p ON p.pipeline_id = t.pipeline_id`,
      `LEFT JOIN ${T.stages} s ON s.pipeline_id = t.pipeline_id AND s.stage_id = t.stage_id`,
      ownerJoin('o', 't.owner_id'),
    ],
  }, query);
  return { position: page.position, data: page.rows.map(toItem), nextCursor: page.nextCursor };
};

/** The properties a `property.<name>` filter of the tickets list may name, with their types. */
export const ticketPropertyDefinitions = (source: ReadSource): Promise<Map<string, PropertyFilterDefinition>> =>
  listPropertyDefinitions(source, T.properties);
