// The lead-score projection for the engine: tables for one build, and a batch step that loads the touched
// contacts (one query per table), re-scores them in memory with the build's formula, and writes every table with
// one multi-row statement. The formula is a build parameter, so a rebuild with another formula needs no new code.
import type pg from 'pg';
import type { ProjectionContext, ProjectionDefinition, ProjectionTables } from '#projection-engine';
import { DEFAULT_FORMULA, formulaId, validateFormula, type Formula, type ScoringEvent } from '#scoring';
import {
  LEAD_SCORE_EVENT_TYPES,
  projectLeadScores,
  touchedContactIds,
  type ContactProperties,
  type ContactScoreState,
  type LeadScoreChanges,
} from './lead-score.projection.js';
import { pgInstant, pgInstantOrNull } from '../pg-values.js';
import { LEAD_SCORE_SCHEMA, LEAD_SCORE_TABLES as T } from './lead-score.tables.js';

// Build params come back from the database as parsed JSON: validated once per build.
const formulas = new WeakMap<object, Formula>();
export const formulaOf = (params: ProjectionContext['params']): Formula => {
  const cached = formulas.get(params);
  if (cached) return cached;
  const { formula, errors } = validateFormula(params.formula);
  if (!formula) throw new Error(`lead-score build params hold no valid formula: ${JSON.stringify(errors)}`);
  if (params.formulaId !== undefined && params.formulaId !== formulaId(formula)) {
    throw new Error(`lead-score build params: formulaId ${String(params.formulaId)} is not the id of the formula`);
  }
  formulas.set(params, formula);
  return formula;
};

type ScoreStateRow = { contact_id: string; properties: ContactProperties; as_of: Date; position: string; merged_into: string | null };
type EventRow = {
  contact_id: string;
  event_id: string;
  event_type: string;
  stream_name: string;
  revision: string;
  position: string;
  occurred_at: Date;
  data: unknown;
};

const loadStates = async (
  tx: pg.PoolClient,
  table: ProjectionTables['table'],
  contactIds: readonly string[],
): Promise<Map<string, ContactScoreState>> => {
  const { rows: scores } = await tx.query<ScoreStateRow>(
    `SELECT contact_id, properties, as_of, position, merged_into FROM ${table(T.scores)} WHERE contact_id = ANY($1)`,
    [contactIds],
  );
  const { rows: events } = await tx.query<EventRow>(
    `SELECT contact_id, event_id, event_type, stream_name, revision, position, occurred_at, data
       FROM ${table(T.events)} WHERE contact_id = ANY($1)`,
    [contactIds],
  );
  const eventsByContact = new Map<string, ScoringEvent[]>();
  for (const row of events) {
    const list = eventsByContact.get(row.contact_id) ?? [];
    list.push({
      id: row.event_id,
      type: row.event_type,
      streamName: row.stream_name,
      revision: Number(row.revision),
      position: row.position,
      occurredAt: row.occurred_at.toISOString(),
      data: row.data,
    });
    eventsByContact.set(row.contact_id, list);
  }
  return new Map<string, ContactScoreState>(
    scores.map((row) => [
      row.contact_id,
      {
        contactId: row.contact_id,
        properties: row.properties,
        asOf: row.as_of.toISOString(),
        position: row.position,
        mergedInto: row.merged_into,
        events: eventsByContact.get(row.contact_id) ?? [],
      },
    ]),
  );
};

// jsonb columns go as one JSON array zipped in by position (ROWS FROM): cheaper on both sides than a jsonb[]
// literal of escaped documents.
const writeChanges = async (tx: pg.PoolClient, table: ProjectionTables['table'], changes: LeadScoreChanges): Promise<void> => {
  const { scores, replacedContributions, contributions, addedEvents } = changes;
  if (scores.length === 0) return;
  const scoresTable = table(T.scores);
  await tx.query(
    `INSERT INTO ${scoresTable}
       (contact_id, properties, fit, engagement, total, qualification, formula_id, as_of, position, merged_into)
     SELECT * FROM ROWS FROM (
       unnest($1::text[]),
       jsonb_array_elements($2::jsonb),
       unnest($3::numeric[], $4::numeric[], $5::numeric[], $6::text[], $7::text[], $8::timestamptz[], $9::text[], $10::text[]))
     ON CONFLICT (contact_id) DO UPDATE SET
       properties = excluded.properties, fit = excluded.fit, engagement = excluded.engagement, total = excluded.total,
       qualification = excluded.qualification, formula_id = excluded.formula_id, as_of = excluded.as_of,
       position = excluded.position, merged_into = excluded.merged_into`,
    [
      scores.map((s) => s.contactId),
      JSON.stringify(scores.map((s) => s.properties)),
      scores.map((s) => s.fit),
      scores.map((s) => s.engagement),
      scores.map((s) => s.total),
      scores.map((s) => s.qualification),
      scores.map((s) => s.formulaId),
      scores.map((s) => pgInstant(s.asOf)),
      scores.map((s) => s.position),
      scores.map((s) => s.mergedInto),
    ],
  );
  const contributionsTable = table(T.contributions);
  if (replacedContributions.length > 0) {
    await tx.query(`DELETE FROM ${contributionsTable} WHERE contact_id = ANY($1)`, [replacedContributions]);
  }
  if (contributions.length > 0) {
    await tx.query(
      `INSERT INTO ${contributionsTable}
         (contact_id, ordinal, group_id, rule_id, event_id, event_type, stream_name, revision, position, occurred_at,
          raw_points, decay_factor, points, cut_by_rule_cap, cut_by_group_limit, cut_by_total_limit, counted)
       SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[],
                            $9::text[], $10::timestamptz[], $11::numeric[], $12::float8[], $13::numeric[], $14::numeric[],
                            $15::numeric[], $16::numeric[], $17::numeric[])`,
      [
        contributions.map((c) => c.contactId),
        contributions.map((c) => c.ordinal),
        contributions.map((c) => c.groupId),
        contributions.map((c) => c.ruleId),
        contributions.map((c) => c.eventId),
        contributions.map((c) => c.eventType),
        contributions.map((c) => c.streamName),
        contributions.map((c) => c.revision),
        contributions.map((c) => c.position),
        contributions.map((c) => pgInstantOrNull(c.occurredAt)),
        contributions.map((c) => c.rawPoints),
        contributions.map((c) => c.decayFactor),
        contributions.map((c) => c.points),
        contributions.map((c) => c.cutByRuleCap),
        contributions.map((c) => c.cutByGroupLimit),
        contributions.map((c) => c.cutByTotalLimit),
        contributions.map((c) => c.counted),
      ],
    );
  }
  if (addedEvents.length > 0) {
    await tx.query(
      `INSERT INTO ${table(T.events)}
         (contact_id, event_id, event_type, stream_name, revision, position, occurred_at, data)
       SELECT * FROM ROWS FROM (
         unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[], $7::timestamptz[]),
         jsonb_array_elements($8::jsonb))
       ON CONFLICT (contact_id, event_id) DO NOTHING`,
      [
        addedEvents.map((e) => e.contactId),
        addedEvents.map((e) => e.id),
        addedEvents.map((e) => e.type),
        addedEvents.map((e) => e.streamName),
        addedEvents.map((e) => e.revision),
        addedEvents.map((e) => e.position),
        addedEvents.map((e) => pgInstant(e.occurredAt)),
        JSON.stringify(addedEvents.map((e) => e.data)),
      ],
    );
  }
};

export const leadScoreProjection: ProjectionDefinition = {
  ...LEAD_SCORE_SCHEMA,
  codeVersion: 1,
  filter: { eventTypes: LEAD_SCORE_EVENT_TYPES },
  defaultParams: () => ({ formula: DEFAULT_FORMULA, formulaId: formulaId(DEFAULT_FORMULA) }),
  apply: async (events, { tx, table, params }) => {
    const formula = formulaOf(params);
    const contactIds = touchedContactIds(events);
    if (contactIds.length === 0) return;
    const loaded = await loadStates(tx, table, contactIds);
    await writeChanges(tx, table, projectLeadScores(formula, loaded, events));
  },
};
