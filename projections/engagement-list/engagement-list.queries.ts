// The engagements list (filtered by owner, kind, the records an engagement is tied to and when it happened; sorted
// with keyset paging), one engagement by id, and the task queue: tasks by due time, then priority, then id, with
// today, overdue and upcoming measured at the query's `now` in a business time zone (never in the projection).
import type { EngagementKind } from '#domain/engagement';
import {
  afterCursor,
  decodeCursor,
  encodeCursor,
  InvalidCursor,
  listSortOf,
  orderBy,
  pageOf,
  Parameters,
  preparedQuery,
  sortKeyText,
  type ReadSource,
  type SortKey,
} from '#read-models';
import type { EngagementListRow, TaskStatus } from './engagement-list.projection.js';
import { instantOrNull, rowOf, type EngagementRecord as StoredEngagement } from './engagement-list.records.js';
import { ownerJoin } from '../record-lists/owner-names.js';
import { ENGAGEMENT_LIST_TABLES as T } from './engagement-list.tables.js';

/** A row as the routes answer it: the owner's name beside the id (null while the owners list has not seen them). */
export type EngagementListItem = EngagementListRow & Readonly<{ ownerName: string | null }>;

export type EngagementPage = Readonly<{ data: EngagementListItem[]; nextCursor?: string }>;

export const ENGAGEMENT_SORT_KEYS: readonly SortKey[] = [
  { name: 'occurredAt', sql: 'e.occurred_at', type: 'timestamptz' },
  { name: 'createdAt', sql: 'e.created_at', type: 'timestamptz' },
  { name: 'updatedAt', sql: 'e.updated_at', type: 'timestamptz' },
];
export const DEFAULT_ENGAGEMENT_SORT = '-occurredAt';

export type EngagementListQuery = Readonly<{
  ownerId?: string;
  kind?: EngagementKind;
  contactId?: string;
  companyId?: string;
  dealId?: string;
  ticketId?: string;
  /** occurredAt at or after / at or before these instants. */
  from?: string;
  to?: string;
  /** A sort value of ENGAGEMENT_SORT_KEYS; default -occurredAt. */
  sort?: string;
  limit: number;
  cursor?: string;
}>;

type EngagementRecord = StoredEngagement & { owner_name: string | null };

const COLUMNS = `e.engagement_id, e.kind, e.owner_id, o.name AS owner_name, e.subject, e.body, e.outcome, e.duration_minutes,
       e.occurred_at, e.due_at, e.priority, e.status, e.completed_at, e.completed_by, e.contact_ids, e.company_ids,
       e.deal_ids, e.ticket_ids, e.created_at, e.updated_at`;
const FROM = `${T.engagements} e ${ownerJoin('o', 'e.owner_id')}`;

// The owner's name beside the owner's id, as the routes have always listed it.
const toItem = (r: EngagementRecord): EngagementListItem => {
  const { engagementId, kind, ownerId, ...rest } = rowOf(r);
  return { engagementId, kind, ownerId, ownerName: r.owner_name, ...rest };
};

/** `column` (a jsonb array of ids) holds `id`: answered by the column's GIN index. */
const holds = (column: string, id: string, params: Parameters): string => `e.${column} @> ${params.add(JSON.stringify([id]))}::jsonb`;

export const listEngagements = async (source: ReadSource, query: EngagementListQuery): Promise<EngagementPage> => {
  const sort = listSortOf(ENGAGEMENT_SORT_KEYS, query.sort, DEFAULT_ENGAGEMENT_SORT);
  const params = new Parameters();
  const conditions = [afterCursor(sort, 'e.engagement_id', query.cursor, params)];
  if (query.ownerId !== undefined) conditions.push(`e.owner_id = ${params.add(query.ownerId)}`);
  if (query.kind !== undefined) conditions.push(`e.kind = ${params.add(query.kind)}`);
  if (query.contactId !== undefined) conditions.push(holds('contact_ids', query.contactId, params));
  if (query.companyId !== undefined) conditions.push(holds('company_ids', query.companyId, params));
  if (query.dealId !== undefined) conditions.push(holds('deal_ids', query.dealId, params));
  if (query.ticketId !== undefined) conditions.push(holds('ticket_ids', query.ticketId, params));
  if (query.from !== undefined) conditions.push(`e.occurred_at >= ${params.add(query.from)}::timestamptz`);
  if (query.to !== undefined) conditions.push(`e.occurred_at <= ${params.add(query.to)}::timestamptz`);
  const rows = await preparedQuery<EngagementRecord & { sort_key: string }>(
    source,
    `SELECT ${COLUMNS}, ${sortKeyText(sort)} AS sort_key FROM ${FROM}
      WHERE ${conditions.join(' AND ')} ORDER BY ${orderBy(sort, 'e.engagement_id')} LIMIT ${params.add(query.limit + 1)}`,
    params.values,
  );
  const page = pageOf(sort, rows, query.limit, (row) => ({ key: row.sort_key, id: row.engagement_id }));
  const data = page.rows.map(toItem);
  return page.nextCursor === null ? { data } : { data, nextCursor: page.nextCursor };
};

/** One engagement, or null when the list has none of this id. */
export const engagementById = async (source: ReadSource, engagementId: string): Promise<EngagementListItem | null> => {
  const [row] = await preparedQuery<EngagementRecord>(source, `SELECT ${COLUMNS} FROM ${FROM} WHERE e.engagement_id = $1`, [engagementId]);
  return row ? toItem(row) : null;
};

export const TASK_DUE = ['today', 'overdue', 'upcoming'] as const;
export type TaskDue = (typeof TASK_DUE)[number];

export type TaskQueueQuery = Readonly<{
  ownerId?: string;
  /** today: due on the current day in timeZone; overdue: due before `now` (open tasks); upcoming: due after today. */
  due?: TaskDue;
  status: TaskStatus;
  /** The instant the queue is read at, and the IANA zone whose day "today" is. */
  now: string;
  timeZone: string;
  limit: number;
  cursor?: string;
}>;

// Tasks without a due time sort after every dated one.
const DUE_KEY = `coalesce(e.due_at, 'infinity'::timestamptz)`;
const NO_DUE = 'infinity';
const RANKS = /^[0-3]$/;

const afterTask = (cursor: string, params: Parameters): string => {
  const [kind, due, rank, id] = decodeCursor(cursor, 4);
  const valid =
    kind === 'tasks' &&
    typeof due === 'string' &&
    (due === NO_DUE || Number.isFinite(Date.parse(due))) &&
    typeof rank === 'string' &&
    RANKS.test(rank) &&
    typeof id === 'string' &&
    !id.includes('\u0000');
  if (!valid) throw new InvalidCursor();
  return `(${DUE_KEY}, e.priority_rank, e.engagement_id) > (${params.add(due)}::timestamptz, ${params.add(rank)}::int2, ${params.add(id)})`;
};

// today: between the local midnights that start the business day `now` falls on and the next (the day is added
// before going back to UTC, so a DST change is a 23 or 25 hour day); overdue: before `now`; upcoming: after today.
const dueCondition = (due: TaskDue, nowValue: string, timeZone: string, params: Parameters): string => {
  const now = `${params.add(nowValue)}::timestamptz`;
  if (due === 'overdue') return `e.due_at < ${now}`;
  const zone = `${params.add(timeZone)}::text`;
  const localDay = `date_trunc('day', ${now} AT TIME ZONE ${zone})`;
  const tomorrow = `((${localDay} + interval '1 day') AT TIME ZONE ${zone})`;
  if (due === 'upcoming') return `e.due_at >= ${tomorrow}`;
  return `e.due_at >= (${localDay} AT TIME ZONE ${zone}) AND e.due_at < ${tomorrow}`;
};

export const taskQueue = async (source: ReadSource, query: TaskQueueQuery): Promise<EngagementPage> => {
  const params = new Parameters();
  const conditions = [`e.kind = 'task'`, `e.status = ${params.add(query.status)}`];
  if (query.ownerId !== undefined) conditions.push(`e.owner_id = ${params.add(query.ownerId)}`);
  if (query.due !== undefined) conditions.push(dueCondition(query.due, query.now, query.timeZone, params));
  if (query.cursor !== undefined) conditions.push(afterTask(query.cursor, params));
  const rows = await preparedQuery<EngagementRecord & { priority_rank: number }>(
    source,
    `SELECT ${COLUMNS}, e.priority_rank FROM ${FROM}
      WHERE ${conditions.join(' AND ')}
      ORDER BY ${DUE_KEY} ASC, e.priority_rank ASC, e.engagement_id ASC LIMIT ${params.add(query.limit + 1)}`,
    params.values,
  );
  const data = rows.slice(0, query.limit).map(toItem);
  const last = rows[query.limit - 1];
  if (rows.length <= query.limit || last === undefined) return { data };
  return { data, nextCursor: encodeCursor(['tasks', instantOrNull(last.due_at) ?? NO_DUE, String(last.priority_rank), last.engagement_id]) };
};

/** Open tasks per owner, for "assign to the owner with the least open tasks" (owners without any count 0). */
export const openTaskCounts = async (source: ReadSource, ownerIds: readonly string[]): Promise<ReadonlyMap<string, number>> => {
  const rows = await preparedQuery<{ owner_id: string; open: string }>(
    source,
    `SELECT owner_id, count(*)::text AS open FROM ${T.engagements}
      WHERE kind = 'task' AND status = 'open' AND owner_id = ANY($1::text[]) GROUP BY owner_id`,
    [[...ownerIds]],
  );
  const counts = new Map(ownerIds.map((id) => [id, 0]));
  for (const row of rows) counts.set(row.owner_id, Number(row.open));
  return counts;
};
