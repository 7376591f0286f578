// Stores the search read model: per batch, load the touched records (and the companies contacts are pointed at)
// and pipelines in one query each, reduce in memory, write what changed with one multi-row upsert per table, write
// the words each changed record gained and lost (and the counts of the distinct typo words), then move the stored
// contacts of companies merged away to the survivors.
import { formatPosition, type RecordedEvent } from '#event-store';
import type { ProjectionDefinition } from '#projection-engine';
import type pg from 'pg';
import { fieldColumns, selectByKeys, writeRows } from '../pg-rows.js';
import {
  companiesNamedBy,
  isPipelineEvent,
  isTypoWord,
  recordKey,
  recordOf,
  reduceSearch,
  SEARCH_EVENT_TYPES,
  type SearchEvent,
  type SearchObjectType,
  type SearchPipeline,
  type SearchRecord,
  wordsOf,
} from './search.projection.js';
import { SEARCH_SCHEMA, SEARCH_TABLES as T } from './search.tables.js';
import { applyWithErasures, CONTACT_ERASED } from '../erasure.js';

type RecordRow = {
  object_type: SearchObjectType;
  record_id: string;
  title: string;
  subtitle: string | null;
  search_text: string;
  search_grams: string[];
  name_key: string;
  phone_digits: string | null;
  email: string | null;
  email_key: string | null;
  domain: string | null;
  company_id: string | null;
  pipeline_id: string | null;
  stage_id: string | null;
  fields: SearchRecord['fields'];
  properties: SearchRecord['properties'];
  merged_into: string | null;
  updated_position: string;
};

type PipelineRow = { pipeline_id: string; object_type: 'deal' | 'ticket'; name: string; search_name: string; stages: SearchPipeline['stages'] };

const toRecord = (r: RecordRow): SearchRecord => ({
  objectType: r.object_type,
  recordId: r.record_id,
  title: r.title,
  subtitle: r.subtitle,
  searchText: r.search_text,
  searchGrams: r.search_grams,
  nameKey: r.name_key,
  phoneDigits: r.phone_digits,
  email: r.email,
  emailKey: r.email_key,
  domain: r.domain,
  companyId: r.company_id,
  pipelineId: r.pipeline_id,
  stageId: r.stage_id,
  fields: r.fields,
  properties: r.properties,
  mergedInto: r.merged_into,
  updatedPosition: r.updated_position,
});

const toPipeline = (r: PipelineRow): SearchPipeline => ({
  pipelineId: r.pipeline_id,
  objectType: r.object_type,
  name: r.name,
  searchName: r.search_name,
  stages: r.stages,
});

const RECORD_COLUMNS = fieldColumns<SearchRecord>({
  objectType: 'text', recordId: 'text', title: 'text', subtitle: 'text', searchText: 'text', searchGrams: 'jsonb', nameKey: 'text', phoneDigits: 'text',
  email: 'text', emailKey: 'text', domain: 'text', companyId: 'text', pipelineId: 'text', stageId: 'text', fields: 'jsonb',
  properties: 'jsonb', mergedInto: 'text', updatedPosition: 'text',
});

const PIPELINE_COLUMNS = fieldColumns<SearchPipeline>({ pipelineId: 'text', objectType: 'text', name: 'text', searchName: 'text', stages: 'jsonb' });

// The filter lets only these types through; their data was validated against the catalog at append time.
const asSearchEvent = (event: RecordedEvent) => ({
  event: { type: event.type, data: event.data } as SearchEvent,
  position: formatPosition(event.position),
});

const loadRecords = async (tx: pg.PoolClient, table: string, keys: readonly (readonly [SearchObjectType, string])[]): Promise<SearchRecord[]> =>
  keys.length === 0
    ? []
    : (
        await tx.query<RecordRow>(
          `SELECT r.* FROM unnest($1::text[], $2::text[]) AS wanted(object_type, record_id)
             JOIN ${table} r ON r.object_type = wanted.object_type AND r.record_id = wanted.record_id`,
          [keys.map(([type]) => type), keys.map(([, id]) => id)],
        )
      ).rows.map(toRecord);

type WordRow = readonly [word: string, objectType: SearchObjectType, recordId: string];

/**
 * The record words the changed records lost and gained, against their stored state (absent: a new record), and
 * the change in the number of records holding each typo word. A batch applied again changes nothing.
 */
export const wordChanges = (
  stored: ReadonlyMap<string, SearchRecord>,
  changed: readonly SearchRecord[],
): Readonly<{ lost: WordRow[]; gained: WordRow[]; counts: Map<string, number> }> => {
  const lost: WordRow[] = [];
  const gained: WordRow[] = [];
  const counts = new Map<string, number>();
  const count = (word: string, by: number) => {
    if (isTypoWord(word)) counts.set(word, (counts.get(word) ?? 0) + by);
  };
  for (const record of changed) {
    const before = stored.get(recordKey(record.objectType, record.recordId));
    const was = new Set(before ? wordsOf(before) : []);
    const now = new Set(wordsOf(record));
    for (const word of was) {
      if (now.has(word)) continue;
      lost.push([word, record.objectType, record.recordId]);
      count(word, -1);
    }
    for (const word of now) {
      if (was.has(word)) continue;
      gained.push([word, record.objectType, record.recordId]);
      count(word, 1);
    }
  }
  return { lost, gained, counts };
};

const writeWords = async (tx: pg.PoolClient, table: (base: string) => string, changes: ReturnType<typeof wordChanges>): Promise<void> => {
  const columns = (rows: readonly WordRow[]) => [rows.map(([word]) => word), rows.map(([, type]) => type), rows.map(([, , id]) => id)];
  if (changes.lost.length > 0) {
    await tx.query(
      `DELETE FROM ${table(T.recordWords)} w USING unnest($1::text[], $2::text[], $3::text[]) AS lost(word, object_type, record_id)
        WHERE w.word = lost.word AND w.object_type = lost.object_type AND w.record_id = lost.record_id`,
      columns(changes.lost),
    );
  }
  if (changes.gained.length > 0) {
    await tx.query(
      `INSERT INTO ${table(T.recordWords)} (word, object_type, record_id) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
       ON CONFLICT DO NOTHING`,
      columns(changes.gained),
    );
  }
  const counted = [...changes.counts].filter(([, by]) => by !== 0);
  if (counted.length === 0) return;
  const words = counted.map(([word]) => word);
  // One statement, one snapshot: a stored word takes the change (and goes when no record holds it), a new one is added.
  await tx.query(
    `WITH delta AS (SELECT * FROM unnest($1::text[], $2::int[]) AS d(word, records)),
          kept AS (UPDATE ${table(T.words)} w SET records = w.records + d.records FROM delta d
                    WHERE w.word = d.word AND w.records + d.records > 0),
          gone AS (DELETE FROM ${table(T.words)} w USING delta d WHERE w.word = d.word AND w.records + d.records <= 0)
     INSERT INTO ${table(T.words)} (word, records)
     SELECT d.word, d.records FROM delta d
      WHERE d.records > 0 AND NOT EXISTS (SELECT 1 FROM ${table(T.words)} w WHERE w.word = d.word)`,
    [words, counted.map(([, by]) => by)],
  );
};

// The contact's record goes, with its words: a word no other record holds goes from the typo words too.
const eraseContacts = async (tx: pg.PoolClient, table: (base: string) => string, contactIds: readonly string[]): Promise<void> => {
  const records = await loadRecords(tx, table(T.records), contactIds.map((id) => ['contact', id] as const));
  const lost: WordRow[] = records.flatMap((record) => [...new Set(wordsOf(record))].map((word): WordRow => [word, record.objectType, record.recordId]));
  const counts = new Map<string, number>();
  for (const [word] of lost) if (isTypoWord(word)) counts.set(word, (counts.get(word) ?? 0) - 1);
  await writeWords(tx, table, { lost, gained: [], counts });
  await tx.query(`DELETE FROM ${table(T.records)} WHERE object_type = 'contact' AND record_id = ANY($1::text[])`, [contactIds]);
};

export const searchProjection: ProjectionDefinition = {
  ...SEARCH_SCHEMA,
  // 2: the words tables (word starts and typos read them instead of every record's text). 3: ContactErased deletes
  // the contact's record and its words.
  codeVersion: 3,
  filter: { eventTypes: [...SEARCH_EVENT_TYPES, CONTACT_ERASED] },
  apply: async (events, { tx, table }) => {
    await applyWithErasures(
      events,
      async (segment) => {
        const batch = segment.map(asSearchEvent);
        const keys = new Map<string, readonly [SearchObjectType, string]>();
        const pipelineIds = new Set<string>();
        for (const { event } of batch) {
          const target = recordOf(event);
          if (isPipelineEvent(event)) pipelineIds.add(event.data.pipelineId);
          else if (target !== null) keys.set(recordKey(target.objectType, target.recordId), [target.objectType, target.recordId]);
          for (const companyId of companiesNamedBy(event)) keys.set(recordKey('company', companyId), ['company', companyId]);
        }
        const records = await loadRecords(tx, table(T.records), [...keys.values()]);
        const pipelines = (await selectByKeys<PipelineRow>(tx, table(T.pipelines), 'pipeline_id', [...pipelineIds])).map(toPipeline);
        const changes = reduceSearch(
          {
            records: new Map(records.map((r) => [recordKey(r.objectType, r.recordId), r])),
            pipelines: new Map(pipelines.map((p) => [p.pipelineId, p])),
          },
          batch,
        );
        await writeRows(tx, table(T.records), RECORD_COLUMNS, changes.records, { key: ['object_type', 'record_id'], then: 'replace' });
        await writeWords(tx, table, wordChanges(new Map(records.map((r) => [recordKey(r.objectType, r.recordId), r])), changes.records));
        await writeRows(tx, table(T.pipelines), PIPELINE_COLUMNS, changes.pipelines, { key: ['pipeline_id'], then: 'replace' });
        // In log order, so that a survivor merged away in turn passes its contacts on.
        for (const { companyId, mergedInto } of changes.companyMerges) {
          await tx.query(`UPDATE ${table(T.records)} SET company_id = $2 WHERE object_type = 'contact' AND company_id = $1`, [companyId, mergedInto]);
        }
      },
      (contactIds) => eraseContacts(tx, table, contactIds),
    );
  },
};
