// The lead-score projection for the engine: tables for one build, and a batch step that loads the touched
// contacts (one query per table), re-scores them in memory with the build's formula, and writes every table with
// one multi-row statement. The formula is a build parameter, so a rebuild with another formula needs no new code.
import type pg from 'pg';
import type { ProjectionContext, ProjectionDefinition, ProjectionTables } from '#projection-engine';
import { parsePosition } from '#event-store';
import { DEFAULT_FORMULA, formulaId, validateFormula, type Formula, type Qualification, type ScoringEvent } from '#scoring';
import {
  LEAD_SCORE_EVENT_TYPES,
  projectLeadScores,
  touchedContactIds,
  leadScoreKeysOf,
  isLeadScoreBarrier,
  type ContactProperties,
  type ContactScoreState,
  type LeadScoreChanges,
  type LeadScoreContributionRow,
  type LeadScoreEventRow,
  type LeadScoreRow,
  type QualificationChangeRow,
} from './lead-score.projection.js';
import { fieldColumns, selectByKeys, writeRows, type RowColumn } from '../pg-rows.js';
import { LEAD_SCORE_SCHEMA, LEAD_SCORE_TABLES as T } from './lead-score.tables.js';
import { applyWithErasures, CONTACT_ERASED } from '../erasure.js';

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

type ScoreStateRow = {
  contact_id: string;
  properties: ContactProperties;
  as_of: Date;
  position: string;
  merged_into: string | null;
  qualification: Qualification;
};
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
  const scores = await selectByKeys<ScoreStateRow>(tx, table(T.scores), 'contact_id', contactIds, [
    'contact_id', 'properties', 'as_of', 'position', 'merged_into', 'qualification',
  ]);
  // A contact's scoring events are written with its score row (writeChanges), so only a contact with a score row
  // can hold any: in a rebuild that is the odd contact a batch carries over from the one before.
  const stored = scores.map((row) => row.contact_id);
  const events = await selectByKeys<EventRow>(tx, table(T.events), 'contact_id', stored, [
    'contact_id', 'event_id', 'event_type', 'stream_name', 'revision', 'position', 'occurred_at', 'data',
  ]);
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
        qualification: row.qualification,
      },
    ]),
  );
};

const SCORE_COLUMNS = fieldColumns<LeadScoreRow>({
  contactId: 'text', properties: 'jsonb', fit: 'numeric', engagement: 'numeric', total: 'numeric', qualification: 'text',
  formulaId: 'text', asOf: 'timestamptz', position: 'text', mergedInto: 'text',
});

const CONTRIBUTION_COLUMNS = fieldColumns<LeadScoreContributionRow>({
  contactId: 'text', ordinal: 'int', groupId: 'text', ruleId: 'text', eventId: 'text', eventType: 'text', streamName: 'text',
  revision: 'bigint', position: 'text', occurredAt: 'timestamptz', rawPoints: 'numeric', decayFactor: 'float8', points: 'numeric',
  cutByRuleCap: 'numeric', cutByGroupLimit: 'numeric', cutByTotalLimit: 'numeric', counted: 'numeric',
});

// A scoring event's id and type are its event_id and event_type.
const EVENT_COLUMNS: readonly RowColumn<LeadScoreEventRow>[] = [
  ['event_id', 'text', (event) => event.id],
  ['event_type', 'text', (event) => event.type],
  ...fieldColumns<LeadScoreEventRow>({
    contactId: 'text', streamName: 'text', revision: 'bigint', position: 'text', occurredAt: 'timestamptz', data: 'jsonb',
  }),
];

const QUALIFICATION_CHANGE_COLUMNS: readonly RowColumn<QualificationChangeRow>[] = [
  ...fieldColumns<QualificationChangeRow>({
    contactId: 'text', position: 'text', eventId: 'text', occurredAt: 'timestamptz', previous: 'text', qualification: 'text', formulaId: 'text',
    total: 'numeric',
  }),
  ['position_commit', 'bigint', (change) => parsePosition(change.position).commit.toString()],
  ['position_prepare', 'bigint', (change) => parsePosition(change.position).prepare.toString()],
];

const writeChanges = async (tx: pg.PoolClient, table: ProjectionTables['table'], changes: LeadScoreChanges): Promise<void> => {
  const { scores, replacedContributions, contributions, addedEvents, qualificationChanges } = changes;
  if (scores.length === 0) return;
  await writeRows(tx, table(T.scores), SCORE_COLUMNS, scores, { key: ['contact_id'], then: 'replace' });
  if (replacedContributions.length > 0) {
    await tx.query(`DELETE FROM ${table(T.contributions)} WHERE contact_id = ANY($1)`, [replacedContributions]);
  }
  await writeRows(tx, table(T.contributions), CONTRIBUTION_COLUMNS, contributions);
  await writeRows(tx, table(T.events), EVENT_COLUMNS, addedEvents, { key: ['contact_id', 'event_id'], then: 'nothing' });
  // A batch applied again after a lost checkpoint tells the same changes again: the first rows stand.
  await writeRows(tx, table(T.qualificationChanges), QUALIFICATION_CHANGE_COLUMNS, qualificationChanges, { key: ['contact_id', 'event_id'], then: 'nothing' });
};

// What a scoring event may hold of the person (form fields, a note's text); the ids, types, urls and times that
// rules read stay, so the explanation keeps its event ids, rules and points.
const PERSONAL_EVENT_FIELDS = ['email', 'firstName', 'lastName', 'phone', 'fields', 'subject', 'body', 'outcome', 'comment'];

// Provenance survives an erasure: the score, its contributions and qualification changes stay as they are, and
// nothing is re-scored (so the numbers are the ones a rebuild from the redacted log gives). The properties and the
// personal fields of the events become constants; a survivor's copies of an erased duplicate's events too.
const eraseContacts = async (tx: pg.PoolClient, table: ProjectionTables['table'], contactIds: readonly string[]): Promise<void> => {
  await tx.query(`UPDATE ${table(T.scores)} SET properties = '{}'::jsonb WHERE contact_id = ANY($1::text[])`, [contactIds]);
  await tx.query(
    `UPDATE ${table(T.events)} SET data = data - $2::text[]
      WHERE contact_id = ANY($1::text[]) OR data->>'contactId' = ANY($1::text[]) OR data->'contactIds' ?| $1::text[]`,
    [contactIds, PERSONAL_EVENT_FIELDS],
  );
};

export const leadScoreProjection: ProjectionDefinition = {
  ...LEAD_SCORE_SCHEMA,
  // 2: the qualification changes table. 3: ContactErased empties the contact's properties and strips personal fields
  // from its scoring events.
  codeVersion: 3,
  filter: { eventTypes: [...LEAD_SCORE_EVENT_TYPES, CONTACT_ERASED] },
  defaultParams: () => ({ formula: DEFAULT_FORMULA, formulaId: formulaId(DEFAULT_FORMULA) }),
  // By contact (see leadScoreKeysOf); a merge is the one event that needs two contacts' state at once.
  partitioning: { keysOf: leadScoreKeysOf, isBarrier: isLeadScoreBarrier },
  apply: async (events, { tx, table, params, partition }) => {
    const formula = formulaOf(params);
    const owns = partition ? (contactId: string) => partition.owns(contactId) : () => true;
    await applyWithErasures(
      events,
      async (segment) => {
        const contactIds = touchedContactIds(segment, owns);
        if (contactIds.length === 0) return;
        const loaded = await loadStates(tx, table, contactIds);
        await writeChanges(tx, table, projectLeadScores(formula, loaded, segment, owns));
      },
      (contactIds) => eraseContacts(tx, table, contactIds),
      partition,
    );
  },
};
