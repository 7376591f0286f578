// The contacts list: live contacts (merged duplicates hidden), filtered and sorted with keyset paging (the sort key,
// then the contact id: stable under equal keys). Each row shows its owner's name (the owners list) and its current
// lead score and qualification (the lead scores), joined as the page is read. One statement answers a page and the
// build's position; a page sorted by score that runs past the scored contacts reads the unscored ones after them.
import { activePositionSql } from '#projection-engine';
import {
  afterCursor,
  answerPosition,
  cursorAfter,
  cursorSort,
  orderBy,
  Parameters,
  preparedQuery,
  propertyConditions,
  searchCondition,
  sortKeyText,
  type ListSort,
  type Positioned,
  type PropertyFilter,
  type PropertyFilterDefinition,
  type ReadSource,
  type SortKey,
} from '#read-models';
import type { PropertyValues } from '#domain/shared';
import { listPropertyDefinitions } from '../record-lists/list-properties.queries.js';
import { ownerJoin } from '../record-lists/owner-names.js';
import { activityKey, CONTACT_LIST, CONTACT_LIST_TABLES as T } from './contact-list.tables.js';

// Views of the read models joined at query time (and the owners list: ownerJoin): the lead scores, the associations.
const LEAD_SCORES = 'lead_scores';
const ASSOCIATIONS = 'record_associations';

// Served by the lead scores' index on (total DESC, contact_id).
const SCORE: SortKey = { name: 'score', sql: 'ls.total', type: 'numeric', idOpposite: true };

/** What the contacts list sorts by; score is the current lead score total, unscored contacts last either way. */
export const CONTACT_LIST_SORT_KEYS: readonly SortKey[] = [
  { name: 'createdAt', sql: 'c.created_at', type: 'timestamptz' },
  { name: 'lastActivityAt', sql: activityKey('c.last_activity_at'), type: 'timestamptz' },
  { name: 'name', sql: 'c.name_key', type: 'text' },
  SCORE,
];

// After the scored contacts (in score order), the unscored ones by id: a part of the list with its own cursor.
const UNSCORED: SortKey = { name: 'score~unscored', sql: 'c.contact_id', type: 'text' };

export type ContactListQuery = Readonly<{
  q?: string;
  ownerId?: string;
  lifecycleStage?: string;
  marketingStatus?: string;
  source?: string;
  /** Contacts associated with the company in any way, or whose primary company it is. */
  companyId?: string;
  /** ISO instants, both inclusive. */
  createdFrom?: string;
  createdTo?: string;
  properties: readonly PropertyFilter[];
  sort: ListSort;
  limit: number;
  cursor?: string;
}>;

export type ContactListItem = Readonly<{
  contactId: string;
  name: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  jobTitle: string | null;
  country: string | null;
  ownerId: string | null;
  ownerName: string | null;
  lifecycleStage: string;
  marketingStatus: string;
  source: string;
  companyId: string | null;
  /** The current lead score total; null before the contact is scored. */
  leadScore: number | null;
  qualification: string | null;
  createdAt: string;
  lastActivityAt: string | null;
  properties: PropertyValues;
}>;

export type ContactListPage = Positioned<Readonly<{ data: ContactListItem[]; nextCursor: string | null }>>;

type ContactRecord = Omit<ContactListItem, 'createdAt' | 'lastActivityAt'> & { createdAt: Date; lastActivityAt: Date | null; sortKey: string };
type Read = { readPosition: string | null } & (ContactRecord | { [K in keyof ContactRecord]: null });

const COLUMNS = `c.contact_id AS "contactId", c.name, c.first_name AS "firstName", c.last_name AS "lastName", c.email, c.phone,
       c.job_title AS "jobTitle", c.country, c.owner_id AS "ownerId", o.name AS "ownerName", c.lifecycle_stage AS "lifecycleStage",
       c.marketing_status AS "marketingStatus", c.source, c.company_id AS "companyId", ls.total::float8 AS "leadScore",
       ls.qualification, c.created_at AS "createdAt", c.last_activity_at AS "lastActivityAt", c.properties`;

const filtersOf = (query: ContactListQuery, params: Parameters): string[] => {
  const conditions = ['c.merged_into IS NULL'];
  const equal = (column: string, value: string | undefined) => {
    if (value !== undefined) conditions.push(`${column} = ${params.add(value)}`);
  };
  if (query.q !== undefined) conditions.push(searchCondition('c.search_text', query.q, params));
  equal('c.owner_id', query.ownerId);
  equal('c.lifecycle_stage', query.lifecycleStage);
  equal('c.marketing_status', query.marketingStatus);
  equal('c.source', query.source);
  if (query.companyId !== undefined) {
    const company = params.add(query.companyId);
    conditions.push(`c.contact_id IN (
        SELECT a.a_id FROM ${ASSOCIATIONS} a WHERE a.b_type = 'company' AND a.b_id = ${company} AND a.a_type = 'contact'
        UNION ALL
        SELECT p.contact_id FROM ${T.contacts} p WHERE p.company_id = ${company} AND p.merged_into IS NULL)`);
  }
  if (query.createdFrom !== undefined) conditions.push(`c.created_at >= ${params.add(query.createdFrom)}::timestamptz`);
  if (query.createdTo !== undefined) conditions.push(`c.created_at <= ${params.add(query.createdTo)}::timestamptz`);
  conditions.push(...propertyConditions('c.properties', query.properties, params));
  return conditions;
};

// Field by field rather than by rest and spread: a page maps 50 rows, and the spread copies were a hot spot of the
// list's per-request CPU.
const toItem = (r: ContactRecord): ContactListItem => ({
  contactId: r.contactId,
  name: r.name,
  firstName: r.firstName,
  lastName: r.lastName,
  email: r.email,
  phone: r.phone,
  jobTitle: r.jobTitle,
  country: r.country,
  ownerId: r.ownerId,
  ownerName: r.ownerName,
  lifecycleStage: r.lifecycleStage,
  marketingStatus: r.marketingStatus,
  source: r.source,
  companyId: r.companyId,
  leadScore: r.leadScore,
  qualification: r.qualification,
  properties: r.properties,
  createdAt: r.createdAt.toISOString(),
  lastActivityAt: r.lastActivityAt ? r.lastActivityAt.toISOString() : null,
});

// The limit is written into the statement, not passed: a generic plan of a named statement guesses a parameter's
// LIMIT as a tenth of the table and reads the score sort in parallel over every contact (100 ms at 100k, not 1).
const pageLimit = (limit: number): string => {
  if (!Number.isSafeInteger(limit) || limit < 0) throw new Error(`a page limit is a whole number, not ${limit}`);
  return String(limit);
};

type Part = Readonly<{ sort: ListSort; rows: ContactRecord[]; position: string | null }>;

/** One part of the list in `sort`: up to `limit` rows after `cursor`, joined as `scored` says. */
const readPart = async (
  source: ReadSource,
  query: ContactListQuery,
  sort: ListSort,
  scored: 'any' | 'scored' | 'unscored',
  cursor: string | undefined,
  limit: number,
): Promise<Part> => {
  const params = new Parameters();
  const position = activePositionSql(params.add(CONTACT_LIST));
  const conditions = filtersOf(query, params);
  const id = sort.key === SCORE ? 'ls.contact_id' : 'c.contact_id';
  conditions.push(afterCursor(sort, id, cursor, params));
  if (scored === 'unscored') {
    conditions.push(`NOT EXISTS (SELECT 1 FROM ${LEAD_SCORES} s WHERE s.contact_id = c.contact_id AND s.merged_into IS NULL)`);
  }
  const scores =
    scored === 'scored'
      ? `JOIN ${LEAD_SCORES} ls ON ls.contact_id = c.contact_id AND ls.merged_into IS NULL`
      : `LEFT JOIN ${LEAD_SCORES} ls ON ls.contact_id = c.contact_id`;
  const order = orderBy(sort, id);
  const rows = await preparedQuery<Read>(
    source,
    `SELECT ${position} AS "readPosition", page.*
       FROM (SELECT 1) AS answer
       LEFT JOIN LATERAL (
         SELECT ${COLUMNS}, ${sortKeyText(sort)} AS "sortKey"
           FROM ${T.contacts} c
           ${scores}
           ${ownerJoin('o', 'c.owner_id')}
          WHERE ${conditions.join(' AND ')}
          ORDER BY ${order} LIMIT ${pageLimit(limit)}
       ) AS page ON true`,
    params.values,
  );
  const found: ContactRecord[] = rows.filter((row): row is Read & ContactRecord => row.contactId !== null);
  return { sort, rows: found, position: answerPosition(rows[0]?.readPosition ?? null) };
};

export const listContacts = async (source: ReadSource, query: ContactListQuery): Promise<ContactListPage> => {
  const { sort, limit, cursor } = query;
  const want = limit + 1;
  const parts: Part[] = [];
  if (sort.key !== SCORE) {
    parts.push(await readPart(source, query, sort, 'any', cursor, want));
  } else {
    const unscored: ListSort = { key: UNSCORED, descending: sort.descending };
    const inUnscored = cursor !== undefined && cursorSort(cursor) === `${sort.descending ? '-' : ''}${UNSCORED.name}`;
    if (!inUnscored) parts.push(await readPart(source, query, sort, 'scored', cursor, want));
    const got = parts.reduce((n, part) => n + part.rows.length, 0);
    if (got < want) parts.push(await readPart(source, query, unscored, 'unscored', inUnscored ? cursor : undefined, want - got));
  }
  const tagged = parts.flatMap((part) => part.rows.map((row) => ({ sort: part.sort, row })));
  const page = tagged.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor = tagged.length > limit && last ? cursorAfter(last.sort, { key: last.row.sortKey, id: last.row.contactId }) : null;
  return { position: parts[0].position, data: page.map(({ row }) => toItem(row)), nextCursor };
};

/** The properties a `property.<name>` filter of the contacts list may name, with their types. */
export const contactPropertyDefinitions = (source: ReadSource): Promise<Map<string, PropertyFilterDefinition>> =>
  listPropertyDefinitions(source, T.properties);
