// The funnel as of a date, answered from the facts in one statement (one snapshot, with the build's position): the
// contacts created in the range and not merged away by the date, with their and their merged duplicates' stage
// entries and touches up to the date; the deals created in the range with the contacts associated with them by the
// date (a merged contact read as its primary) and each deal's latest outcome by then. The math is funnel.report.ts.
import type { DataSource } from 'typeorm';
import { activePositionSql } from '#projection-engine';
import { answerPosition, Parameters, preparedQuery, type Positioned } from '#read-models';
import {
  attributedDeals,
  attribution,
  funnelContacts,
  funnelGroups,
  journeysOf,
  type AttributedDeal,
  type AttributionModel,
  type AttributionRow,
  type FunnelContactDrill,
  type FunnelFacts,
  type FunnelGroupBy,
  type FunnelGroupFigures,
  type FunnelStage,
} from './funnel.report.js';
import { FUNNEL, FUNNEL_TABLES as T } from './funnel.tables.js';

/** from and to are UTC days (YYYY-MM-DD, both included) bounding when contacts and deals were created; asOf an instant. */
export type FunnelRange = Readonly<{ from: string; to: string; asOf: string }>;

const nextDay = (day: string): string => new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString();

type FactsRecord = {
  read_position: string | null;
  people: { contactId: string; createdAtMs: string; source: string; eventId: string }[] | null;
  entries: { person: string; contactId: string; stage: string; atMs: string; posCommit: string; posPrepare: string; eventId: string }[] | null;
  touches: { person: string; contactId: string; source: string; kind: string; atMs: string; posCommit: string; posPrepare: string; eventId: string }[] | null;
  deals: { dealId: string; createdAtMs: string; eventId: string; persons: string[] | null }[] | null;
  outcomes: { dealId: string; outcome: 'won' | 'lost' | 'reopened'; amount: string | null; currency: string | null; eventId: string; atMs: string }[] | null;
};

// Epoch milliseconds as text: exact for any instant a timestamptz holds, and no time zone to misread.
const ms = (column: string): string => `(floor(extract(epoch FROM ${column}) * 1000))::bigint::text`;

/** The facts the funnel and its drill-downs are computed from, as they stood at range.asOf. */
export const funnelFacts = async (dataSource: DataSource, range: FunnelRange): Promise<Positioned<{ facts: FunnelFacts }>> => {
  const params = new Parameters();
  const position = activePositionSql(params.add(FUNNEL));
  const asOf = `${params.add(range.asOf)}::timestamptz`;
  const from = `${params.add(`${range.from}T00:00:00.000Z`)}::timestamptz`;
  const until = `${params.add(nextDay(range.to))}::timestamptz`;
  const inRange = (column: string) => `${column} <= ${asOf} AND ${column} >= ${from} AND ${column} < ${until}`;
  const [record] = await preparedQuery<FactsRecord>(
    dataSource,
    `WITH RECURSIVE
     merges AS (SELECT contact_id, merged_into FROM ${T.merges} WHERE merged_at <= ${asOf}),
     -- A duplicate's primary, followed through later merges of the primary (bounded: merges never form a cycle).
     chain (contact_id, root, depth) AS (
       SELECT contact_id, merged_into, 1 FROM merges
       UNION ALL
       SELECT c.contact_id, m.merged_into, c.depth + 1 FROM chain c JOIN merges m ON m.contact_id = c.root WHERE c.depth < 64
     ),
     canon AS (SELECT DISTINCT ON (contact_id) contact_id, root FROM chain ORDER BY contact_id, depth DESC),
     people AS (
       SELECT c.contact_id, c.created_at, c.source, c.event_id FROM ${T.contacts} c
        WHERE ${inRange('c.created_at')} AND NOT EXISTS (SELECT 1 FROM merges m WHERE m.contact_id = c.contact_id)
     ),
     deals AS (SELECT d.deal_id, d.created_at, d.event_id FROM ${T.deals} d WHERE ${inRange('d.created_at')}),
     pairs AS (
       SELECT DISTINCT ON (x.deal_id, x.contact_id, x.label) x.deal_id, x.contact_id, x.added
         FROM ${T.dealContacts} x JOIN deals d ON d.deal_id = x.deal_id
        WHERE x.changed_at <= ${asOf}
        ORDER BY x.deal_id, x.contact_id, x.label, x.changed_at DESC, x.pos_commit DESC, x.pos_prepare DESC
     ),
     deal_people AS (
       SELECT DISTINCT p.deal_id, coalesce(k.root, p.contact_id) AS person FROM pairs p LEFT JOIN canon k ON k.contact_id = p.contact_id WHERE p.added
     ),
     persons AS (SELECT contact_id AS person FROM people UNION SELECT person FROM deal_people),
     members AS (SELECT person AS contact_id, person FROM persons UNION ALL SELECT k.contact_id, k.root FROM canon k JOIN persons p ON p.person = k.root),
     outcomes AS (
       SELECT DISTINCT ON (o.deal_id) o.* FROM ${T.outcomes} o JOIN deals d ON d.deal_id = o.deal_id
        WHERE o.closed_at <= ${asOf}
        ORDER BY o.deal_id, o.closed_at DESC, o.pos_commit DESC, o.pos_prepare DESC
     )
     SELECT ${position} AS read_position,
       (SELECT json_agg(json_build_object('contactId', contact_id, 'createdAtMs', ${ms('created_at')}, 'source', source, 'eventId', event_id)) FROM people) AS people,
       (SELECT json_agg(json_build_object('person', m.person, 'contactId', e.contact_id, 'stage', e.stage, 'atMs', ${ms('e.entered_at')},
                 'posCommit', e.pos_commit::text, 'posPrepare', e.pos_prepare::text, 'eventId', e.event_id))
          FROM ${T.stageEntries} e JOIN members m ON m.contact_id = e.contact_id
         WHERE e.entered_at <= ${asOf} AND m.person IN (SELECT contact_id FROM people)) AS entries,
       (SELECT json_agg(json_build_object('person', m.person, 'contactId', t.contact_id, 'source', t.source, 'kind', t.kind, 'atMs', ${ms('t.touched_at')},
                 'posCommit', t.pos_commit::text, 'posPrepare', t.pos_prepare::text, 'eventId', t.event_id))
          FROM ${T.touches} t JOIN members m ON m.contact_id = t.contact_id WHERE t.touched_at <= ${asOf}) AS touches,
       (SELECT json_agg(json_build_object('dealId', d.deal_id, 'createdAtMs', ${ms('d.created_at')}, 'eventId', d.event_id,
                 'persons', (SELECT json_agg(p.person ORDER BY p.person) FROM deal_people p WHERE p.deal_id = d.deal_id)))
          FROM deals d) AS deals,
       (SELECT json_agg(json_build_object('dealId', deal_id, 'outcome', outcome, 'amount', amount::text, 'currency', currency,
                 'eventId', event_id, 'atMs', ${ms('closed_at')}))
          FROM outcomes) AS outcomes`,
    params.values,
  );
  const facts: FunnelFacts = {
    people: (record?.people ?? []).map((p) => ({ ...p, createdAtMs: Number(p.createdAtMs) })),
    entries: (record?.entries ?? []).map((e) => ({ ...e, atMs: Number(e.atMs) })),
    touches: (record?.touches ?? []).map((t) => ({ ...t, atMs: Number(t.atMs) })),
    deals: (record?.deals ?? []).map((d) => ({ ...d, createdAtMs: Number(d.createdAtMs), persons: d.persons ?? [] })),
    outcomes: (record?.outcomes ?? []).map((o) => ({ ...o, atMs: Number(o.atMs) })),
  };
  return { position: answerPosition(record?.read_position ?? null), facts };
};

export type FunnelAnswer = Positioned<{ groups: FunnelGroupFigures[]; attribution: AttributionRow[] }>;

/** Per group (original source or cohort month) the stage figures; and the attribution table, per model and source. */
export const funnelReport = async (dataSource: DataSource, range: FunnelRange, groupBy: FunnelGroupBy): Promise<FunnelAnswer> => {
  const { position, facts } = await funnelFacts(dataSource, range);
  return { position, groups: funnelGroups(journeysOf(facts), groupBy), attribution: attribution(attributedDeals(facts)) };
};

/** The attribution table alone. */
export const funnelAttribution = async (dataSource: DataSource, range: FunnelRange): Promise<Positioned<{ rows: AttributionRow[] }>> => {
  const { position, facts } = await funnelFacts(dataSource, range);
  return { position, rows: attribution(attributedDeals(facts)) };
};

/** Drill-down of the stage figures: the contacts counted at `stage` (in `group` when given). */
export const funnelContactDrill = async (
  dataSource: DataSource,
  range: FunnelRange,
  query: Readonly<{ groupBy: FunnelGroupBy; stage: FunnelStage; group?: string }>,
): Promise<Positioned<{ rows: FunnelContactDrill[] }>> => {
  const { position, facts } = await funnelFacts(dataSource, range);
  return { position, rows: funnelContacts(journeysOf(facts), query.groupBy, query.stage, query.group) };
};

/** Drill-down of the attribution table: each deal with the touch credited under `model` (for `source` when given). */
export const funnelDealDrill = async (
  dataSource: DataSource,
  range: FunnelRange,
  query: Readonly<{ model: AttributionModel; source?: string }>,
): Promise<Positioned<{ rows: AttributedDeal[] }>> => {
  const { position, facts } = await funnelFacts(dataSource, range);
  const rows = attributedDeals(facts).filter((deal) => deal.model === query.model && (query.source === undefined || deal.source === query.source));
  return { position, rows };
};
