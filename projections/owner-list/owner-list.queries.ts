// The owners list: filtered by team, role and a case-insensitive substring of name, email or team, sorted by name
// with keyset paging (the name's sort key, then the owner id: stable under equal names). One statement answers a
// page and the build's position.
import type { OwnerRole } from '#domain/owner';
import { Parameters, searchCondition, type ListSort, type Positioned, type ReadSource, type SortKey } from '#read-models';
import { readListPage } from '../record-lists/list-page.js';
import { OWNER_LIST, OWNER_LIST_TABLES as T } from './owner-list.tables.js';

export const OWNER_SORT_KEYS: readonly SortKey[] = [{ name: 'name', sql: 'o.name_key', type: 'text' }];

export const DEFAULT_OWNER_SORT = 'name';

export type OwnerListQuery = Readonly<{
  q?: string;
  team?: string;
  role?: OwnerRole;
  sort: ListSort;
  limit: number;
  cursor?: string;
}>;

export type OwnerListItem = Readonly<{
  ownerId: string;
  name: string;
  email: string;
  team: string | null;
  role: OwnerRole;
  createdAt: string;
}>;

export type OwnerListPage = Positioned<Readonly<{ data: OwnerListItem[]; nextCursor: string | null }>>;

type OwnerRecord = { owner_id: string; name: string; email: string; team: string | null; role: OwnerRole; created_at: Date };

export const listOwners = async (source: ReadSource, query: OwnerListQuery): Promise<OwnerListPage> => {
  const params = new Parameters();
  const conditions: string[] = [];
  if (query.q !== undefined) conditions.push(searchCondition('o.search_text', query.q, params));
  if (query.team !== undefined) conditions.push(`o.team = ${params.add(query.team)}`);
  if (query.role !== undefined) conditions.push(`o.role = ${params.add(query.role)}`);
  const page = await readListPage<OwnerRecord>(source, params, {
    readModel: OWNER_LIST,
    table: T.owners,
    alias: 'o',
    id: 'owner_id',
    columns: 'o.owner_id, o.name, o.email, o.team, o.role, o.created_at, o.name_key',
    conditions,
  }, query);
  return {
    position: page.position,
    data: page.rows.map((r) => ({ ownerId: r.owner_id, name: r.name, email: r.email, team: r.team, role: r.role, createdAt: r.created_at.toISOString() })),
    nextCursor: page.nextCursor,
  };
};
