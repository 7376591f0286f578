// A record's associations, both directions of the pair table, ordered by (type, id, label) with keyset paging.
import type { ObjectType } from '#domain/association';
import { decodeCursor, encodeCursor, InvalidCursor, Parameters, preparedQuery, type ReadSource } from '#read-models';
import { ASSOCIATIONS_TABLES as T } from './associations.tables.js';

/** label null: the plain association; `primary`: the record's (or the other record's) primary company. */
export type AssociationEntry = Readonly<{ type: ObjectType; id: string; label: string | null; associatedAt: string }>;

export type AssociationsQuery = Readonly<{
  type: ObjectType;
  id: string;
  /** Only associations with records of this type. */
  objectType?: ObjectType;
  /** Only this label. */
  label?: string;
  limit: number;
  cursor?: string;
}>;

export type AssociationsPage = Readonly<{ data: AssociationEntry[]; nextCursor?: string }>;

type EntryRecord = { type: ObjectType; id: string; label: string; associated_at: Date };

/** null when the read model knows no such record (an empty page when it has no associations, or they moved on a merge). */
export const recordAssociations = async (source: ReadSource, query: AssociationsQuery): Promise<AssociationsPage | null> => {
  const params = new Parameters();
  const type = params.add(query.type);
  const id = params.add(query.id);
  const conditions: string[] = [];
  if (query.objectType !== undefined) conditions.push(`x.type = ${params.add(query.objectType)}`);
  if (query.label !== undefined) conditions.push(`x.label = ${params.add(query.label)}`);
  if (query.cursor !== undefined) {
    const key = decodeCursor(query.cursor, 3);
    if (!key.every((part) => typeof part === 'string')) throw new InvalidCursor();
    const [afterType, afterId, afterLabel] = key.map((part) => params.add(part));
    // Text in byte order: the same on every database, whatever its collation.
    conditions.push(`(x.type COLLATE "C", x.id COLLATE "C", x.label COLLATE "C") > (${afterType}::text COLLATE "C", ${afterId}::text COLLATE "C", ${afterLabel}::text COLLATE "C")`);
  }
  const rows = await preparedQuery<EntryRecord>(
    source,
    `SELECT x.type, x.id, x.label, x.associated_at FROM (
        SELECT b_type AS type, b_id AS id, label, associated_at FROM ${T.associations} WHERE a_type = ${type} AND a_id = ${id}
        UNION ALL
        SELECT a_type, a_id, label, associated_at FROM ${T.associations} WHERE b_type = ${type} AND b_id = ${id}
      ) x
      ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
      ORDER BY x.type COLLATE "C", x.id COLLATE "C", x.label COLLATE "C" LIMIT ${params.add(query.limit + 1)}`,
    params.values,
  );
  if (rows.length === 0) {
    const [known] = await preparedQuery(source, `SELECT 1 FROM ${T.records} WHERE object_type = $1 AND record_id = $2`, [query.type, query.id]);
    if (known === undefined) return null;
  }
  const page = rows.slice(0, query.limit);
  const data = page.map((row) => ({ type: row.type, id: row.id, label: row.label === '' ? null : row.label, associatedAt: row.associated_at.toISOString() }));
  const last = page[page.length - 1];
  if (rows.length <= query.limit || !last) return { data };
  return { data, nextCursor: encodeCursor([last.type, last.id, last.label]) };
};
